package io.watchfloor.notify;

import io.watchfloor.alert.AlertChange;

/**
 * An output kept in the store, as the email outbox is: told of each change inside the transaction that records the
 * change, so that both are committed or neither is (a crash can no longer fall between an alert and its email); then,
 * like every notifier, told again once that transaction has committed.
 */
public interface TransactionalNotifier extends Notifier {
    /** Inside the transaction that records the change: what the change calls for, written to the store. */
    void record(AlertChange change);
}
