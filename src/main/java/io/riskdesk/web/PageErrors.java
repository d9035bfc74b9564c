package io.riskdesk.web;

import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;
import java.sql.SQLException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors of the pages as HTML; the API's own handler ({@link ApiProblemHandler}) comes first for the API. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	static final String UNSTORABLE = "A value cannot be stored: it holds a control character or is out of range";

	/** Bad input in a page's URL (a sort key, a filter): a 400 page that says which. */
	@ExceptionHandler
	String invalid(InvalidFieldException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("status", 400);
		model.addAttribute("error", "Bad request");
		model.addAttribute("message", Labels.fieldProblem(ex.field(), ex.reason()));
		return "error";
	}

	/**
	 * The safety net under the input rules ({@link Text}, {@link SaneDate}): a value PostgreSQL
	 * refuses as data (SQLSTATE class 22: a NUL byte, a date out of its range) is bad input, 400,
	 * not a server error. Any other integrity violation is a conflict with existing data, 409.
	 */
	@ExceptionHandler
	String integrity(DataIntegrityViolationException ex, HttpServletResponse response, Model model) {
		boolean unstorable = unstorable(ex);
		response.setStatus(unstorable ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_CONFLICT);
		model.addAttribute("status", response.getStatus());
		model.addAttribute("error", unstorable ? "Bad request" : "Conflict");
		model.addAttribute("message", unstorable ? UNSTORABLE
				: "The change conflicts with existing data (a duplicate, or a record still in use)");
		return "error";
	}

	static boolean unstorable(DataIntegrityViolationException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return true;
			}
		}
		return false;
	}

	@ExceptionHandler
	String notFound(NotFoundException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", 404);
		model.addAttribute("error", "Not found");
		model.addAttribute("message", ex.getMessage());
		return "error";
	}

}
