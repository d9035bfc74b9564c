package io.riskdesk.concession;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.riskdesk.account.Money;
import io.riskdesk.security.Role;
import io.riskdesk.web.Labels;

/**
 * One concession of a risk. {@code value} is in the account's currency; a service credit proposed
 * as a percentage of fees keeps {@code percentOfFees} and the {@code fees} it was computed from
 * (null otherwise). The decision (approval or rejection) names who, in which role, when and why;
 * the answer is the customer's, recorded by {@code answeredBy}. {@code version} grows with every
 * move; a move sends the one it read (If-Match).
 */
public record Concession(long id, String riskKey, long accountId, ConcessionKind kind, String description, Money value,
		BigDecimal percentOfFees, Money fees, ConcessionStatus status, Instant proposedAt, String proposedBy,
		Instant decidedAt, String decidedBy, String decidedRole, String decisionReason, Instant offeredAt,
		String offeredBy, Instant answeredAt, String answeredBy, String answerNote, int version) {

	/** The decider's role in words ("CS manager"), for pages; null before a decision. */
	public String decidedRoleInWords() {
		return decidedRole == null ? null : Labels.of(Role.valueOf(decidedRole));
	}

	/** The moves its status allows. */
	@JsonProperty
	public Set<ConcessionStatus> allowedMoves() {
		return status.next();
	}

}
