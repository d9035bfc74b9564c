package io.riskdesk.web;

import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.ForbiddenException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * Runs the action of a page panel (SLA clocks, plan) and puts its outcome in the model: a
 * success message, or the reason it was refused with 422 (invalid input), 403 (beyond the user's
 * authority, such as an approval limit) or 409 (conflict, including a concurrent write), so the panel re-renders with the message in place.
 */
public final class PanelActions {

	private PanelActions() {
	}

	public static void run(Runnable action, String done, Model model, HttpServletResponse response) {
		try {
			action.run();
			message(model, "success", done);
		}
		catch (InvalidFieldException ex) {
			refuse(response, HttpStatus.UNPROCESSABLE_CONTENT, model, Labels.fieldProblem(ex.field(), ex.reason()));
		}
		catch (ForbiddenException ex) {
			refuse(response, HttpStatus.FORBIDDEN, model, ex.getMessage());
		}
		catch (ConflictException ex) {
			refuse(response, HttpStatus.CONFLICT, model, ex.getMessage());
		}
		catch (OptimisticLockingFailureException ex) {
			refuse(response, HttpStatus.CONFLICT, model, "it changed at the same moment; here it is now, try again");
		}
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, Model model, String reason) {
		response.setStatus(status.value());
		message(model, "error", "Not saved: " + reason);
	}

	private static void message(Model model, String kind, String text) {
		model.addAttribute("message", text);
		model.addAttribute("messageKind", kind);
	}

}
