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

import io.riskdesk.account.AccountService;
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

	private final PickLists pickLists;

	private final AccountService accounts;

	private final Validator validator;

	IntakePages(IntakeImports imports, NotesExtractor extractor, PickLists pickLists, AccountService accounts,
			Validator validator) {
		this.imports = imports;
		this.extractor = extractor;
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
			return review(review.proposal(), review.draft(), review.earlierImport(), review.proposal().content(), Map.of(),
					model);
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
			// Only a form not made by the review page lacks these: start again from the document.
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return start("", Map.of("content", "The review form was incomplete; paste the document again"), model);
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
		Reading reading;
		try {
			reading = imports.reread(form.content());
		}
		catch (InvalidFieldException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return start("", Map.of("content", "The document " + ex.reason() + "; paste it again"), model);
		}
		response.setStatus(status);
		return review(form, reading.draft(), reading.earlierImport(), reading.document().text(), errors, model);
	}

	private static String message(Confirmed confirmed, ImportRequest form) {
		if (!confirmed.created()) {
			return "This document was imported before (import " + confirmed.intakeImport().id() + "): here is the risk it became.";
		}
		if (form.attachTo() != null) {
			return "Attached to " + form.attachTo() + ": the document, its " + form.actionItems().size()
					+ " milestones, decisions and meetings are on this risk.";
		}
		return "Imported: the risk, its " + form.actionItems().size() + " milestones, decisions and meetings are logged.";
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
			Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("draft", draft);
		model.addAttribute("earlierImport", earlierImport);
		model.addAttribute("highlights", DocumentHighlights.of(draft, text));
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
