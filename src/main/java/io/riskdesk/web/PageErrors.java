package io.riskdesk.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors of the pages as HTML; the API's own handler ({@link ApiProblemHandler}) comes first for the API. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	/** Bad input in a page's URL (a sort key, a filter): a 400 page that says which. */
	@ExceptionHandler
	String invalid(InvalidFieldException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("status", 400);
		model.addAttribute("error", "Bad request");
		model.addAttribute("message", ex.field() + " " + ex.reason());
		return "error";
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
