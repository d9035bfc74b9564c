package io.riskdesk.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonView;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.security.UserAccounts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My actions": the milestones and prevention items still to do that the signed-in user's person
 * of the directory owns, across risks, overdue first, then by due date (no date last).
 */
@Service
@Transactional(readOnly = true)
public class MyActions {

	private final CorrectiveActionPlans plans;

	private final UserAccounts users;

	private final PersonDirectory people;

	private final RiskRegister risks;

	MyActions(CorrectiveActionPlans plans, UserAccounts users, PersonDirectory people, RiskRegister risks) {
		this.plans = plans;
		this.users = users;
		this.people = people;
		this.risks = risks;
	}

	/** Empty for a user who is not a person of the directory (nothing can be theirs). */
	public List<MyAction> of(String username) {
		return users.find(username)
			.map(UserAccounts.User::personEmail)
			.flatMap(email -> email == null ? java.util.Optional.empty() : people.findByEmail(email))
			.map(PersonView::id)
			.map(this::ownedBy)
			.orElse(List.of());
	}

	private List<MyAction> ownedBy(long personId) {
		Map<String, RiskDetails> riskOf = new HashMap<>();
		return plans.ownedBy(personId).stream().map(m -> {
			RiskDetails risk = riskOf.computeIfAbsent(m.riskKey(), risks::get);
			return new MyAction(m, risk.title(), risk.severity(), risk.status());
		}).toList();
	}

}
