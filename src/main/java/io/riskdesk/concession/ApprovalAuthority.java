package io.riskdesk.concession;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.riskdesk.account.Money;
import io.riskdesk.core.ForbiddenException;
import io.riskdesk.playbook.ApprovalLimit;
import io.riskdesk.playbook.ConcessionPolicy;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.risk.ReportingMoney;
import io.riskdesk.security.Role;
import io.riskdesk.web.Labels;

import org.springframework.stereotype.Component;

/**
 * Who may approve a concession: the playbook's approval limits per role, in the limits' currency.
 * A user's role counts as the team role of the same name (CSM, CS_MANAGER, CS_LEADER, EXEC); a role
 * the playbook does not list approves nothing. A value in another currency is converted at
 * riskdesk.money's rates (both through the reporting currency, unrounded); without a rate for it,
 * only an unlimited role may approve it.
 */
@Component
class ApprovalAuthority {

	private final ConcessionPolicy policy;

	private final ReportingMoney money;

	ApprovalAuthority(Playbook playbook, ReportingMoney money) {
		this.policy = playbook.concessions();
		this.money = money;
	}

	/** @throws ForbiddenException naming the roles that may approve it, when {@code role}'s limit does not cover {@code value} */
	void requireCovers(Role role, Money value) {
		Optional<BigDecimal> converted = inLimitCurrency(value);
		Optional<ApprovalLimit> limit = teamRole(role).flatMap(policy::limit);
		boolean covered = limit.isPresent()
				&& (limit.get().unlimited() || converted.map(limit.get()::covers).orElse(false));
		if (covered) {
			return;
		}
		List<TeamRole> able = converted.map(policy::rolesCovering).orElseGet(policy::unlimitedRoles);
		String whose = limit.map(l -> "the " + Labels.of(role) + " approval limit ("
				+ Amounts.text(new Money(l.amount(), policy.currency())) + ")").orElse("what the " + Labels.of(role)
				+ " role may approve (it has no approval limit in the playbook)");
		String worth = converted.filter(v -> !value.currency().equals(policy.currency()))
			.map(v -> " (" + policy.currency().getCurrencyCode() + " " + v.setScale(2, RoundingMode.HALF_UP)
					.toPlainString() + " at the configured rates)")
			.orElse(converted.isEmpty() ? " (no rate to " + policy.currency().getCurrencyCode() + " is configured)" : "");
		String who = able.isEmpty() ? "no role's limit covers it"
				: "only " + Labels.all(able) + " can approve it";
		throw new ForbiddenException("A concession of " + Amounts.text(value) + worth + " is above " + whose + "; " + who,
				Map.of("rolesThatCanApprove", able.stream().map(Enum::name).toList()));
	}

	/** Whether the role may approve anything at all: a page offers it the approve button. */
	boolean approves(Role role) {
		return teamRole(role).flatMap(policy::limit).isPresent();
	}

	private Optional<BigDecimal> inLimitCurrency(Money value) {
		Currency target = policy.currency();
		if (value.currency().equals(target)) {
			return Optional.of(value.amount());
		}
		BigDecimal from = money.rates().get(value.currency().getCurrencyCode());
		BigDecimal to = money.rates().get(target.getCurrencyCode());
		if (from == null || to == null) {
			return Optional.empty();
		}
		return Optional.of(value.amount().multiply(from).divide(to, MathContext.DECIMAL128));
	}

	private static Optional<TeamRole> teamRole(Role role) {
		return Arrays.stream(TeamRole.values()).filter(t -> t.name().equals(role.name())).findFirst();
	}

}
