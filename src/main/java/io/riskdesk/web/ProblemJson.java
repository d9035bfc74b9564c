package io.riskdesk.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * RFC 9457 problem details written straight to the response, for the answers given outside
 * Spring MVC's handlers (security, the error page, Tomcat's own rejections); inside them
 * {@link ApiProblemHandler} returns {@code ProblemDetail}s.
 */
public final class ProblemJson {

	private ProblemJson() {
	}

	/** Whether an error for this request is a problem detail rather than a page: the API's paths, and clients asking for JSON. */
	public static boolean wanted(String path, String accept) {
		boolean api = path != null && (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/actuator/"));
		return api || accept != null && accept.toLowerCase(Locale.ROOT).contains("json");
	}

	/** @param instance the request's path, or null to leave it out (when it is the malformed part) */
	public static void write(HttpServletResponse response, HttpStatus status, String detail, String instance)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		if (instance != null) {
			problem.put("instance", instance);
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonMapper.shared().writeValue(response.getOutputStream(), problem);
	}

}
