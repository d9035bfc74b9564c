package io.riskdesk.security;

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
			String roles = user == null ? "none"
					: String.join(", ", user.getAuthorities().stream().map(GrantedAuthority::getAuthority).map(a -> a.replace("ROLE_", "")).toList());
			ProblemJson.write(response, HttpStatus.FORBIDDEN, "Your role (" + roles + ") may not " + request.getMethod()
					+ " " + request.getRequestURI() + ". Writing risks needs CSM, CS_MANAGER, CS_LEADER or ADMIN; "
					+ "accounts and people also AE; tokens and other admin endpoints need ADMIN.", request.getRequestURI());
		};
	}

}
