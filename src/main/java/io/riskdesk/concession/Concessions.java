package io.riskdesk.concession;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.riskdesk.account.Money;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.ForbiddenException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.security.Role;
import io.riskdesk.web.Versions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The concessions of risks: proposed in the account's currency, approved within the playbook's
 * limits ({@link ApprovalAuthority}) or rejected, offered, and answered by the customer. Every move
 * is an event on the risk's timeline; a closed risk's concessions are final.
 */
@Service
@Transactional
public class Concessions {

	private static final String SELECT = """
			select id, risk_key, account_id, kind, description, amount, currency, percent_of_fees, fees_amount, status,
			       proposed_at, proposed_by, decided_at, decided_by, decided_role, decision_reason, offered_at, offered_by,
			       answered_at, answered_by, answer_note, version
			from concession""";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Executives read risks only, but approve (or reject) concessions their limit covers. */
	private static final Set<ConcessionStatus> DECISIONS = Set.of(ConcessionStatus.APPROVED, ConcessionStatus.REJECTED);

	private final JdbcClient jdbc;

	private final RiskRegister risks;

	private final ApprovalAuthority authority;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Concessions(JdbcClient jdbc, RiskRegister risks, ApprovalAuthority authority, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.risks = risks;
		this.authority = authority;
		this.events = events;
		this.clock = clock;
	}

	public Concession propose(String riskKey, NewConcession concession, String actor) {
		requireOpen(riskKey);
		RiskDetails risk = risks.get(riskKey);
		Money value = value(concession, risk.arrAtRisk());
		Instant now = clock.instant();
		String description = concession.description().strip();
		long id = jdbc.sql("""
				insert into concession (risk_key, account_id, kind, description, amount, currency, percent_of_fees,
				                        fees_amount, status, proposed_at, proposed_by)
				values (:key, :account, :kind, :description, :amount, :currency, :percent, :fees, 'PROPOSED', :now, :actor)
				returning id""")
			.param("key", riskKey)
			.param("account", risk.account().id())
			.param("kind", concession.kind().name())
			.param("description", description)
			.param("amount", value.amount())
			.param("currency", value.currency().getCurrencyCode())
			.param("percent", concession.percentOfFees())
			.param("fees", concession.percentOfFees() == null ? null : fees(concession, risk.arrAtRisk()).amount())
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.query(Long.class)
			.single();
		events.publishEvent(new ConcessionProposed(riskKey, id, concession.kind(), value, description, actor, now));
		return get(riskKey, id);
	}

	/**
	 * Moves a concession on ({@link ConcessionStatus#next()}): 409 for a move its status does not
	 * allow or a version other than {@code expectedVersion} (null: any), 403 for an approval beyond
	 * the role's limit, 400 for a rejection without a reason.
	 */
	public Concession move(String riskKey, long id, Integer expectedVersion, ConcessionMove move, String actor,
			Role role) {
		requireOpen(riskKey);
		Concession before = get(riskKey, id);
		Versions.check(expectedVersion, before.version(), "Concession " + id);
		ConcessionStatus to = move.to();
		if (!before.status().next().contains(to)) {
			String allowed = before.status().next().isEmpty() ? "none: it is final" : before.status().next().toString();
			throw new ConflictException("A concession cannot go from " + before.status() + " to " + to + "; allowed from "
					+ before.status() + ": " + allowed,
					Map.of("currentStatus", before.status(), "allowedTransitions", before.status().next()));
		}
		if (!Role.RISK_WRITERS.contains(role) && !DECISIONS.contains(to)) {
			throw new ForbiddenException("Your role (" + role + ") may approve or reject concessions, not record them "
					+ to, Map.of("rolesThatCan", Role.RISK_WRITERS.stream().map(Enum::name).sorted().toList()));
		}
		String reason = move.reason() == null || move.reason().isBlank() ? null : move.reason().strip();
		if (to == ConcessionStatus.REJECTED && reason == null) {
			throw new InvalidFieldException("reason", "is required to reject a concession");
		}
		if (to == ConcessionStatus.APPROVED) {
			authority.requireCovers(role, before.value());
		}
		Instant now = clock.instant();
		// Only the version read above moves: of two people moving it at once, one wins.
		int changed = jdbc.sql("update concession set status = :to, version = version + 1, " + columns(to)
				+ " where id = :id and version = :version")
			.param("to", to.name())
			.param("at", Timestamp.from(now))
			.param("actor", actor)
			.param("role", role.name())
			.param("reason", reason)
			.param("id", id)
			.param("version", before.version())
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Concession " + id + " changed at the same moment");
		}
		events.publishEvent(fact(before, to, reason, actor, role, now));
		return get(riskKey, id);
	}

	/** A closed risk's concessions are final: nothing is proposed or moved any more. */
	@Transactional(readOnly = true)
	public boolean isOpen(String riskKey) {
		return risks.status(riskKey) != RiskStatus.CLOSED;
	}

	@Transactional(readOnly = true)
	public List<Concession> of(String riskKey) {
		risks.requireExists(riskKey);
		return jdbc.sql(SELECT + " where risk_key = :key order by id").param("key", riskKey).query(this::row).list();
	}

	/** Every concession on the account's risks, newest first. */
	@Transactional(readOnly = true)
	public List<Concession> ofAccount(long accountId) {
		return jdbc.sql(SELECT + " where account_id = :account order by id desc")
			.param("account", accountId)
			.query(this::row)
			.list();
	}

	@Transactional(readOnly = true)
	public Concession get(String riskKey, long id) {
		return jdbc.sql(SELECT + " where risk_key = :key and id = :id")
			.param("key", riskKey)
			.param("id", id)
			.query(this::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("Concession", id + " of " + riskKey));
	}

	/** Whether a role approves anything at all (pages show it the approve button). */
	public boolean approves(Role role) {
		return authority.approves(role);
	}

	private void requireOpen(String riskKey) {
		if (!isOpen(riskKey)) {
			throw new ConflictException("Risk " + riskKey + " is closed; its concessions cannot change");
		}
	}

	/** The value in the account's currency: the amount given, or the percentage of the fees. */
	private static Money value(NewConcession concession, Money arr) {
		if (concession.percentOfFees() != null) {
			if (concession.kind() != ConcessionKind.SERVICE_CREDIT) {
				throw new InvalidFieldException("percentOfFees", "is for a SERVICE_CREDIT only; give amount instead");
			}
			if (concession.amount() != null) {
				throw new InvalidFieldException("amount", "give amount or percentOfFees, not both");
			}
			if (concession.currency() != null) {
				throw new InvalidFieldException("currency", "goes with amount; the fees carry the currency");
			}
			Money fees = fees(concession, arr);
			return new Money(fees.amount().multiply(concession.percentOfFees()).divide(HUNDRED, 2, RoundingMode.HALF_UP),
					fees.currency());
		}
		if (concession.amount() == null) {
			throw new InvalidFieldException("amount", "is required (or percentOfFees for a service credit)");
		}
		if (concession.fees() != null) {
			throw new InvalidFieldException("fees", "goes with percentOfFees only");
		}
		Currency currency = concession.currency() != null ? concession.currency() : arr == null ? null : arr.currency();
		if (currency == null) {
			throw new InvalidFieldException("currency", "is required: the account has no ARR currency");
		}
		requireAccountCurrency("currency", currency, arr);
		return new Money(concession.amount(), currency);
	}

	/** The fees a percentage is of: those given, else the account's ARR (a year of fees). */
	private static Money fees(NewConcession concession, Money arr) {
		if (concession.fees() == null) {
			if (arr == null) {
				throw new InvalidFieldException("fees", "is required: the account has no ARR to take the percentage of");
			}
			return arr;
		}
		requireAccountCurrency("fees.currency", concession.fees().currency(), arr);
		return concession.fees();
	}

	private static void requireAccountCurrency(String field, Currency currency, Money arr) {
		if (arr != null && !arr.currency().equals(currency)) {
			throw new InvalidFieldException(field, "must be the account's currency, " + arr.currency().getCurrencyCode());
		}
	}

	/** The columns a move sets besides its status, from the parameters at, actor, role and reason. */
	private static String columns(ConcessionStatus to) {
		return switch (to) {
			case APPROVED, REJECTED ->
				"decided_at = :at, decided_by = :actor, decided_role = :role, decision_reason = :reason";
			case OFFERED -> "offered_at = :at, offered_by = :actor";
			case ACCEPTED, DECLINED -> "answered_at = :at, answered_by = :actor, answer_note = :reason";
			case PROPOSED -> throw new IllegalArgumentException("nothing moves back to PROPOSED");
		};
	}

	private static Object fact(Concession c, ConcessionStatus to, String reason, String actor, Role role, Instant at) {
		return switch (to) {
			case APPROVED -> new ConcessionApproved(c.riskKey(), c.id(), c.accountId(), c.kind(), c.value(),
					c.description(), role.name(), reason, actor, at);
			case REJECTED -> new ConcessionRejected(c.riskKey(), c.id(), c.kind(), c.value(), reason, actor, at);
			case OFFERED -> new ConcessionOffered(c.riskKey(), c.id(), c.kind(), c.value(), actor, at);
			case ACCEPTED -> new ConcessionAccepted(c.riskKey(), c.id(), c.kind(), c.value(), reason, actor, at);
			case DECLINED -> new ConcessionDeclined(c.riskKey(), c.id(), c.kind(), c.value(), reason, actor, at);
			case PROPOSED -> throw new IllegalArgumentException("nothing moves back to PROPOSED");
		};
	}

	private Concession row(ResultSet rs, int n) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency").strip());
		BigDecimal fees = rs.getBigDecimal("fees_amount");
		return new Concession(rs.getLong("id"), rs.getString("risk_key"), rs.getLong("account_id"),
				ConcessionKind.valueOf(rs.getString("kind")), rs.getString("description"),
				new Money(rs.getBigDecimal("amount"), currency), rs.getBigDecimal("percent_of_fees"),
				fees == null ? null : new Money(fees, currency), ConcessionStatus.valueOf(rs.getString("status")),
				instant(rs, "proposed_at"), rs.getString("proposed_by"), instant(rs, "decided_at"),
				rs.getString("decided_by"), rs.getString("decided_role"), rs.getString("decision_reason"),
				instant(rs, "offered_at"), rs.getString("offered_by"), instant(rs, "answered_at"),
				rs.getString("answered_by"), rs.getString("answer_note"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

}
