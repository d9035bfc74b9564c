package io.riskdesk.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 of the API as RFC 9457 problem details, like every other API error. */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint unauthorized(JsonMapper json) {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Riskdesk\", Bearer");
			write(json, request, response, HttpStatus.UNAUTHORIZED,
					"Sign in: send HTTP Basic credentials or an API token (Authorization: Bearer ...)");
		};
	}

	static AccessDeniedHandler forbidden(JsonMapper json) {
		return (request, response, ex) -> {
			Authentication user = SecurityContextHolder.getContext().getAuthentication();
			String roles = user == null ? "none"
					: String.join(", ", user.getAuthorities().stream().map(GrantedAuthority::getAuthority).map(a -> a.replace("ROLE_", "")).toList());
			write(json, request, response, HttpStatus.FORBIDDEN, "Your role (" + roles + ") may not " + request.getMethod()
					+ " " + request.getRequestURI() + ". Writing risks needs CSM, CS_MANAGER, CS_LEADER or ADMIN; "
					+ "accounts and people also AE; tokens and other admin endpoints need ADMIN.");
		};
	}

	private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
