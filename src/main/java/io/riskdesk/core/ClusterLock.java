package io.riskdesk.core;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One node at a time for work that every node does at start-up (demo data, missing clocks):
 * a PostgreSQL advisory lock held until the transaction ends, so a second node starting at the
 * same moment waits, then reads what the first committed and finds nothing left to do.
 */
public final class ClusterLock {

	private ClusterLock() {
	}

	/** Waits for and takes the lock named {@code work} until the current transaction commits or rolls back. */
	public static void holdUntilCommit(JdbcClient jdbc, String work) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("ClusterLock '" + work + "' needs a transaction: outside one it ends at once");
		}
		jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:work, 0))) locked")
			.param("work", "riskdesk:" + work)
			.query(Long.class)
			.single();
	}

}
