package io.riskdesk.security;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may use which pages of the UI beyond reading. One list serves both the authorization
 * rules and the 403 page, so the page always names the roles the rule really wants.
 */
final class UiAccessRules {

	/** Request attribute holding the roles a refused request needed. */
	static final String REQUIRED_ROLES = "riskdesk.requiredRoles";
	static final String STALE_FORM = "riskdesk.staleForm";

	record Rule(RequestMatcher matcher, Set<Role> roles) {
	}

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	static final List<Rule> RULES = List.of(
			new Rule(PATHS.matcher("/risks/new"), Role.RISK_WRITERS),
			new Rule(PATHS.matcher("/risks/*/edit"), Role.RISK_WRITERS),
			// Executives approve and reject concessions (the panel moves a concession there); before the rule below.
			new Rule(PATHS.matcher(HttpMethod.POST, "/risks/*/concessions/*/move"), Role.CONCESSION_DECIDERS),
			// Managers resend failed notifications (from the risk page too); before the rule below.
			new Rule(PATHS.matcher(HttpMethod.POST, "/risks/*/notifications/*/resend"), Role.NOTIFICATION_MANAGERS),
			new Rule(PATHS.matcher(HttpMethod.POST, "/risks/**"), Role.RISK_WRITERS),
			new Rule(PATHS.matcher(HttpMethod.POST, "/my-actions/**"), Role.RISK_WRITERS),
			new Rule(PATHS.matcher("/intake"), Role.RISK_WRITERS), // GET, and HEAD like it
			new Rule(PATHS.matcher(HttpMethod.POST, "/intake/**"), Role.RISK_WRITERS),
			new Rule(PATHS.matcher("/telemetry"), Role.RISK_WRITERS), // the upload page and its post
			// Detection writes risks; before the account rule below, which would let AE run it.
			new Rule(PATHS.matcher(HttpMethod.POST, "/accounts/*/signals/run"), Role.RISK_WRITERS),
			new Rule(PATHS.matcher("/playbook/backtest"), Role.RISK_WRITERS), // as the API's backtest
			new Rule(PATHS.matcher("/admin/notifications/**"), Role.NOTIFICATION_MANAGERS),
			// Subscriptions send the register to other tools, signed with secrets: admins only, as their API.
			new Rule(PATHS.matcher("/admin/webhooks/**"), Set.of(Role.ADMIN)),
			new Rule(PATHS.matcher("/accounts/new"), Role.ACCOUNT_WRITERS),
			new Rule(PATHS.matcher("/accounts/*/edit"), Role.ACCOUNT_WRITERS),
			new Rule(PATHS.matcher(HttpMethod.POST, "/accounts/**"), Role.ACCOUNT_WRITERS));

	private UiAccessRules() {
	}

	/** Forwards a refused request to the access-denied page, telling it which roles were needed. */
	static AccessDeniedHandler deniedPage() {
		AccessDeniedHandlerImpl forward = new AccessDeniedHandlerImpl();
		forward.setErrorPage("/access-denied");
		return (request, response, ex) -> {
			// A missing or expired CSRF token is no matter of roles: the page says to reload instead.
			request.setAttribute(STALE_FORM, ex instanceof CsrfException);
			RULES.stream()
				.filter(rule -> rule.matcher().matches(request))
				.findFirst()
				.ifPresent(rule -> request.setAttribute(REQUIRED_ROLES, List.of(Role.names(rule.roles()))));
			forward.handle(request, response, ex);
		};
	}

}
