package io.riskdesk.demo.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.riskdesk.account.Segment;
import io.riskdesk.playbook.RiskCategory;

/**
 * One row of a generated portfolio file. Telemetry rows name their account by its external id,
 * as the telemetry files do; {@link #values()} are in the order of the file's header
 * ({@link PortfolioFile}), null for an empty field.
 */
public sealed interface PortfolioRow {

	Object[] values();

	/** An account; the fields are the account table's columns. */
	record Account(String externalId, String name, BigDecimal arrAmount, String arrCurrency, LocalDate renewalDate,
			Segment segment, String country, String timeZone, LocalDate firstValueDue) implements PortfolioRow {

		@Override
		public Object[] values() {
			return new Object[] { externalId, name, arrAmount, arrCurrency, renewalDate, segment, country, timeZone,
					firstValueDue };
		}

	}

	/** The users of one day: active that day, in the 7 and the 30 days up to it. */
	record Usage(String account, LocalDate day, int activeUsers, int wau, int mau) implements PortfolioRow {

		@Override
		public Object[] values() {
			return new Object[] { account, day, activeUsers, wau, mau };
		}

	}

	/** The users of one feature in one persona during the week starting that Monday. */
	record FeatureUsage(String account, LocalDate week, String feature, String persona, int users)
			implements PortfolioRow {

		@Override
		public Object[] values() {
			return new Object[] { account, week, feature, persona, users };
		}

	}

	/** A support ticket; {@code resolvedAt} is null while open. */
	record Ticket(String account, String ticketId, String severity, Instant openedAt, Instant resolvedAt,
			boolean workaround, String subject) implements PortfolioRow {

		@Override
		public Object[] values() {
			return new Object[] { account, ticketId, severity, openedAt, resolvedAt, workaround, subject };
		}

	}

	/** An invoice; {@code paidDate} is null while unpaid. */
	record Invoice(String account, String invoiceNo, BigDecimal amount, String currency, LocalDate dueDate,
			LocalDate paidDate) implements PortfolioRow {

		@Override
		public Object[] values() {
			return new Object[] { account, invoiceNo, amount, currency, dueDate, paidDate };
		}

	}

	/** A survey answer: NPS 0-10 or CSAT 1-5. */
	record Survey(String account, LocalDate respondedOn, String kind, int score, String respondentRole,
			String comment) implements PortfolioRow {

		@Override
		public Object[] values() {
			return new Object[] { account, respondedOn, kind, score, respondentRole, comment };
		}

	}

	/** An account event (SPONSOR_LEFT, HEALTH_GREEN, ...). */
	record Event(String account, LocalDate occurredOn, String type, String note) implements PortfolioRow {

		@Override
		public Object[] values() {
			return new Object[] { account, occurredOn, type, note };
		}

	}

	/**
	 * The ground truth of one account: the injected pattern and its dates, all null but the pattern
	 * ({@link RiskPattern#NONE}) for a healthy account.
	 *
	 * @param startedOn the day the pattern starts
	 * @param detectableOn the first day the default detection rules can see it in the data
	 * @param churnOn the day the account churns (its renewal date): at least 30 days after {@code detectableOn}
	 */
	record Truth(String account, RiskPattern pattern, RiskCategory category, LocalDate startedOn,
			LocalDate detectableOn, LocalDate churnOn) implements PortfolioRow {

		@Override
		public Object[] values() {
			return new Object[] { account, pattern, category, startedOn, detectableOn, churnOn };
		}

	}

}
