package io.riskdesk.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the servlet container forwards a failed request (after {@code sendError} or an uncaught
 * exception), in place of Spring Boot's: a problem detail for the API and clients asking for
 * JSON, like every other API error, and the error page for people. Asked for directly,
 * {@code /error} is not found rather than a 500 about no error.
 */
@Controller
class ErrorEndpoint implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		HttpStatus status = code == null ? HttpStatus.NOT_FOUND : status((Integer) code);
		String detail = code == null ? "There is no page here: " + request.getRequestURI()
				+ " only shows the error of another request" : detail(request, status, path);
		if (ProblemJson.wanted(path != null ? path : request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT))) {
			ProblemJson.write(response, status, detail, path);
			return null;
		}
		return new ModelAndView("error",
				Map.of("status", status.value(), "error", status.getReasonPhrase(), "message", detail), status);
	}

	private static HttpStatus status(int code) {
		HttpStatus status = HttpStatus.resolve(code);
		return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** A client error's own message says what was wrong; a server error's could say too much. */
	private static String detail(HttpServletRequest request, HttpStatus status, String path) {
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		if (status.is4xxClientError() && message instanceof String text && !text.isBlank()) {
			return text;
		}
		if (status == HttpStatus.NOT_FOUND) {
			return "Nothing found at " + path;
		}
		return status.is5xxServerError() ? "Something went wrong on our side; it has been logged" : status.getReasonPhrase();
	}

}
