trigger DealRegistrationTrigger on Deal_Registration__c(
  before insert,
  before update,
  before delete,
  after insert,
  after update,
  after delete,
  after undelete
) {
  new DealRegistrationTriggerHandler().run(Trigger.operationType, Trigger.new, Trigger.oldMap);
}
