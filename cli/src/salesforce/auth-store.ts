/**
 * Records an org in the sf auth store (the files under ~/.sfdx and ~/.sf that the
 * sf CLI and every @salesforce/core tool read), under an alias, so that
 * `-o trellis-local` works everywhere. The access token is stored by
 * @salesforce/core, encrypted, as for any `sf org login`.
 */
import { AuthInfo, ConfigAggregator, OrgConfigProperties } from '@salesforce/core';

export interface RegisteredOrg {
  username: string;
  alias: string;
  /** True when this call made it the default target org. */
  madeDefault: boolean;
}

export async function registerOrg(options: {
  instanceUrl: string;
  accessToken: string;
  alias: string;
  /** Make it the default target org only when none is set yet. */
  defaultIfNone: boolean;
}): Promise<RegisteredOrg> {
  const authInfo = await AuthInfo.create({
    accessTokenOptions: {
      accessToken: options.accessToken,
      instanceUrl: options.instanceUrl,
      loginUrl: options.instanceUrl,
    },
  });
  await authInfo.save();
  await authInfo.setAlias(options.alias);
  let madeDefault = false;
  if (options.defaultIfNone) {
    const aggregator = await ConfigAggregator.create();
    if (!aggregator.getPropertyValue(OrgConfigProperties.TARGET_ORG)) {
      await authInfo.setAsDefault({ org: true });
      madeDefault = true;
    }
  }
  return { username: authInfo.getUsername(), alias: options.alias, madeDefault };
}
