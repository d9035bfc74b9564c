package io.riskdesk.intake;

import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.riskdesk.account.Accounts;
import io.riskdesk.account.PickLists;
import io.riskdesk.account.Segment;
import io.riskdesk.intake.IntakeImports.Confirmed;
import io.riskdesk.intake.IntakeImports.Reading;
import io.riskdesk.intake.IntakeImports.Review;
import io.riskdesk.plan.MilestoneStatus;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.web.FormErrors;
import io.riskdesk.core.InvalidFieldException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages: paste or upload a document, review the proposal beside the highlighted
 * document, confirm into the register; and the original document of an import.
 */
@Controller
class IntakePages {

	private static final Logger log = LoggerFactory.getLogger(IntakePages.class);

	private static final int RECENT = 20;

	private static final TreeSet<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

	private final IntakeImports imports;

	private final NotesExtractor extractor;

	private final ImportPreviews previews;

	private final PickLists pickLists;

	private final Accounts accounts;

	private final Validator validator;

	IntakePages(IntakeImports imports, NotesExtractor extractor, ImportPreviews previews, PickLists pickLists,
			Accounts accounts, Validator validator) {
		this.imports = imports;
		this.extractor = extractor;
		this.previews = previews;
		this.pickLists = pickLists;
		this.accounts = accounts;
		this.validator = validator;
	}

	/**
	 * The form is an {@link ImportRequest} built through its constructors only (no setter pass
	 * after it), and an empty ARR currency, as the form sends when no ARR is known, is none.
	 */
	@InitBinder("form")
	void reviewForm(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
		binder.registerCustomEditor(Currency.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(text == null || text.isBlank() ? null : Currency.getInstance(text.strip().toUpperCase(Locale.ROOT)));
			}
		});
	}

	/**
	 * Spring's binder fails this way on a row index beyond its limit of 256, which only a
	 * hand-made form sends (the review page numbers its rows from 0).
	 */
	@ExceptionHandler(IndexOutOfBoundsException.class)
	String unreadableForm(IndexOutOfBoundsException ex, HttpServletResponse response, Model model) {
		if (Arrays.stream(ex.getStackTrace()).noneMatch(frame -> frame.getClassName().equals(DataBinder.class.getName()))) {
			throw ex; // a bug, not a forged form: it must not pass for a 400
		}
		log.warn("Refused an intake form that could not be bound: {}", ex.toString());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return start("", Map.of("content", "The review form could not be read; paste the document again"), model);
	}

	@GetMapping("/intake")
	String start(Model model) {
		return start("", Map.of(), model);
	}

	/** A pasted text or an uploaded file (the file wins when both are given) to the review page. */
	@PostMapping("/intake")
	String read(@RequestParam(defaultValue = "") String content, @RequestParam(required = false) MultipartFile file,
			HttpServletResponse response, Model model) throws IOException {
		boolean uploaded = file != null && !file.isEmpty();
		byte[] bytes = uploaded ? extractor.read(file.getInputStream()) : content.getBytes(StandardCharsets.UTF_8);
		try {
			Review review = imports.review(bytes, uploaded ? file.getOriginalFilename() : null);
			return review(review.proposal(), review.draft(), review.earlierImport(), review.proposal().content(),
					review.preview(), Map.of(), model);
		}
		catch (InvalidFieldException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return start(uploaded ? "" : content, Map.of("content", (uploaded ? "The file " : "The text ") + ex.reason()), model);
		}
	}

	@PostMapping("/intake/confirm")
	String confirm(@ModelAttribute("form") ImportRequest form, BindingResult binding, Principal user,
			RedirectAttributes redirect, HttpServletResponse response, Model model) {
		if (form.account() == null || form.risk() == null) {
			return incomplete(response, model);
		}
		Map<String, String> errors = FormErrors.of(binding);
		int status = 422;
		if (errors.isEmpty()) {
			errors = FormErrors.of(validator.validate(form));
		}
		if (errors.isEmpty()) {
			try {
				Confirmed confirmed = imports.confirm(form, user.getName());
				redirect.addFlashAttribute("messageKind", "success");
				redirect.addFlashAttribute("message", message(confirmed, form));
				return "redirect:/risks/" + confirmed.intakeImport().riskKey();
			}
			catch (InvalidFieldException ex) {
				errors = FormErrors.of(ex);
			}
			catch (OptimisticLockingFailureException ex) {
				status = HttpServletResponse.SC_CONFLICT;
				errors = Map.of("account.id", "changed while this import was written; check its values and confirm again");
			}
		}
		response.setStatus(status);
		return reviewAgain(form, errors, response, model);
	}

	/** The review again, its dates checked after the reviewer changed severity, detection or due dates; nothing is saved. */
	@PostMapping("/intake/check-dates")
	String checkDates(@ModelAttribute("form") ImportRequest form, BindingResult binding, HttpServletResponse response,
			Model model) {
		if (form.account() == null || form.risk() == null) {
			return incomplete(response, model);
		}
		Map<String, String> errors = FormErrors.of(binding);
		response.setStatus(errors.isEmpty() ? HttpServletResponse.SC_OK : 422);
		return reviewAgain(form, errors, response, model);
	}

	/** The review again, every due date that would start overdue moved to the next working day; nothing is saved. */
	@PostMapping("/intake/move-due-dates")
	String moveDueDates(@ModelAttribute("form") ImportRequest form, BindingResult binding, HttpServletResponse response,
			Model model) {
		if (form.account() == null || form.risk() == null) {
			return incomplete(response, model);
		}
		Map<String, String> errors = FormErrors.of(binding);
		ImportPreview preview = preview(form);
		if (preview != null && !preview.overdueMilestones().isEmpty()) {
			int moved = preview.overdueMilestones().size();
			form = ImportPreviews.withPastDueDatesMoved(form, preview);
			model.addAttribute("messageKind", "success");
			model.addAttribute("message", "Moved " + moved + (moved == 1 ? " due date" : " due dates") + " to "
					+ preview.nextBusinessDay() + ". Nothing is saved until you confirm.");
		}
		response.setStatus(errors.isEmpty() ? HttpServletResponse.SC_OK : 422);
		return reviewAgain(form, errors, response, model);
	}

	/** Only a form not made by the review page lacks the account or the risk: start again from the document. */
	private String incomplete(HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return start("", Map.of("content", "The review form was incomplete; paste the document again"), model);
	}

	/** The review page for a posted form, its document read again; the status is the caller's. */
	private String reviewAgain(ImportRequest form, Map<String, String> errors, HttpServletResponse response, Model model) {
		Reading reading;
		try {
			reading = imports.reread(form.content());
		}
		catch (InvalidFieldException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return start("", Map.of("content", "The document " + ex.reason() + "; paste it again"), model);
		}
		return review(form, reading.draft(), reading.earlierImport(), reading.document().text(), preview(form), errors,
				model);
	}

	/** The dates of a form as the reviewer left it; none while it names an account that is not there (confirming says so). */
	private ImportPreview preview(ImportRequest form) {
		try {
			return previews.of(form).orElse(null);
		}
		catch (InvalidFieldException ex) {
			return null;
		}
	}

	private static String message(Confirmed confirmed, ImportRequest form) {
		if (!confirmed.created()) {
			return "This document was imported before (import " + confirmed.intakeImport().id() + "): here is the risk it became.";
		}
		if (form.attachTo() != null) {
			return "Attached to " + form.attachTo() + ": the document, its " + form.actionItems().size()
					+ " milestones, decisions and meetings are on this risk.";
		}
		return "Imported: the risk, its " + form.actionItems().size() + " milestones, decisions and meetings are logged."
				+ (confirmed.startedBreached() == null ? "" : " Started already breached: " + confirmed.startedBreached() + ".");
	}

	@GetMapping("/intake/imports/{id}")
	String imported(@PathVariable long id, Model model) {
		IntakeImport done = imports.get(id);
		model.addAttribute("intakeImport", done);
		model.addAttribute("account", accounts.get(done.accountId()));
		model.addAttribute("documentText", imports.document(id).text());
		return "intake/import";
	}

	@GetMapping("/intake/imports/{id}/document")
	ResponseEntity<String> download(@PathVariable long id) {
		return DocumentDownload.of(imports.document(id));
	}

	/** The risk page asks for this line when the risk came from an import. */
	@GetMapping("/risks/{key}/import")
	String importOfRisk(@PathVariable String key, Model model) {
		model.addAttribute("intakeImport", imports.ofRisk(key).orElse(null));
		return "intake/import :: source";
	}

	private String start(String content, Map<String, String> errors, Model model) {
		model.addAttribute("pasted", content);
		model.addAttribute("errors", errors);
		model.addAttribute("maxBytes", extractor.maxBytes());
		model.addAttribute("recent", imports.recent(RECENT));
		return "intake/start";
	}

	/** {@code text} is the normalised document the draft's spans point into (a form post brings it back with CRLF). */
	private String review(ImportRequest form, ExtractionDraft draft, IntakeImport earlierImport, String text,
			ImportPreview preview, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("preview", preview);
		model.addAttribute("errors", errors);
		model.addAttribute("draft", draft);
		model.addAttribute("earlierImport", earlierImport);
		model.addAttribute("highlights", DocumentHighlights.of(draft, text));
		model.addAttribute("namedPeople", imports.people(draft, form));
		// What an import would replace on an existing account, for the reviewer to see.
		model.addAttribute("knownAccount", form.account().id() == null ? null : accounts.find(form.account().id()).orElse(null));
		// The unresolved risks this document may be another report of, to attach it to instead.
		model.addAttribute("duplicates", imports.possibleDuplicates(form));
		model.addAttribute("accounts", pickLists.accounts());
		model.addAttribute("people", pickLists.people());
		model.addAttribute("categories", RiskCategory.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("statuses", MilestoneStatus.values());
		model.addAttribute("zones", ZONES);
		return "intake/review";
	}

}
