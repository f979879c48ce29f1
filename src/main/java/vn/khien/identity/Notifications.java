package vn.khien.identity;

/**
 * Tells people about something that needs them: a warning to acknowledge, an incident's clock, a duty falling due.
 * Every notice is kept in the database (shown in the application) and later delivered by mail in a daily digest
 * per person; a notice with the same {@link Notice#dedupKey()} is kept once per person, so a job that runs on
 * several nodes or twice never notifies anyone twice. Call it inside the transaction of the change it reports:
 * the notice commits or rolls back with it.
 */
public interface Notifications {

    /** Queues the notice for every person of its audience; returns how many people it newly reached. */
    int send(Notice notice);
}
