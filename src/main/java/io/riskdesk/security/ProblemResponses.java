package io.riskdesk.security;

import java.util.stream.Collectors;

import io.riskdesk.web.Labels;
import io.riskdesk.web.ProblemJson;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of the API as RFC 9457 problem details, like every other API error. */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Riskdesk\", Bearer");
			ProblemJson.write(response, HttpStatus.UNAUTHORIZED,
					"Sign in: send HTTP Basic credentials or an API token (Authorization: Bearer ...)",
					request.getRequestURI());
		};
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> {
			Authentication user = SecurityContextHolder.getContext().getAuthentication();
			// Only the roles, in words: other authorities (FACTOR_PASSWORD) mean nothing to a reader.
			String roles = user == null ? "none"
					: user.getAuthorities()
						.stream()
						.map(GrantedAuthority::getAuthority)
						.filter(a -> a.startsWith("ROLE_"))
						.map(a -> Labels.of(Role.valueOf(a.substring("ROLE_".length()))))
						.collect(Collectors.joining(", "));
			ProblemJson.write(response, HttpStatus.FORBIDDEN, "Your role (" + roles + ") may not " + request.getMethod()
					+ " " + request.getRequestURI() + ". Writing risks needs the role CSM, CS manager, CS leader or "
					+ "Administrator; accounts and people also Account executive; tokens and other admin endpoints need "
					+ "Administrator.", request.getRequestURI());
		};
	}

}
