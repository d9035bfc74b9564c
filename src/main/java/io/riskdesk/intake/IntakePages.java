package io.riskdesk.intake;

import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.riskdesk.account.AccountService;
import io.riskdesk.account.PickLists;
import io.riskdesk.account.Segment;
import io.riskdesk.intake.IntakeImports.Confirmed;
import io.riskdesk.intake.IntakeImports.Review;
import io.riskdesk.plan.MilestoneStatus;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.web.FormErrors;
import io.riskdesk.web.InvalidFieldException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
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

	@GetMapping("/intake")
	String start(Model model) {
		return start("", Map.of(), model);
	}

	/** A pasted text or an uploaded file (the file wins when both are given) to the review page. */
	@PostMapping("/intake")
	String read(@RequestParam(defaultValue = "") String content, @RequestParam(required = false) MultipartFile file,
			HttpServletResponse response, Model model) throws IOException {
		boolean uploaded = file != null && !file.isEmpty();
		byte[] bytes = uploaded ? file.getInputStream().readNBytes(extractor.maxBytes() + 1)
				: content.getBytes(StandardCharsets.UTF_8);
		try {
			Review review = imports.review(bytes, uploaded ? file.getOriginalFilename() : null);
			return review(review.proposal(), review, Map.of(), model);
		}
		catch (InvalidFieldException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return start(uploaded ? "" : content, Map.of("content", (uploaded ? "The file " : "The text ") + ex.reason()), model);
		}
	}

	@PostMapping("/intake/confirm")
	String confirm(@ModelAttribute("form") ImportRequest form, BindingResult binding, Principal user,
			RedirectAttributes redirect, HttpServletResponse response, Model model) {
		Map<String, String> errors = FormErrors.of(binding);
		if (errors.isEmpty()) {
			errors = FormErrors.of(validator.validate(form));
		}
		if (errors.isEmpty()) {
			try {
				Confirmed confirmed = imports.confirm(form, user.getName());
				redirect.addFlashAttribute("messageKind", "success");
				redirect.addFlashAttribute("message", confirmed.created()
						? "Imported: the risk, its " + form.actionItems().size() + " milestones, decisions and meetings are logged."
						: "This document was imported before (import " + confirmed.intakeImport().id() + "): here is the risk it became.");
				return "redirect:/risks/" + confirmed.intakeImport().riskKey();
			}
			catch (InvalidFieldException ex) {
				errors = FormErrors.of(ex);
			}
		}
		// The document is read again only for its highlights; the reviewer's values stay.
		Review review;
		try {
			review = imports.review(form.content() == null ? new byte[0] : form.content().getBytes(StandardCharsets.UTF_8),
					form.fileName());
		}
		catch (InvalidFieldException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return start("", Map.of("content", "The document " + ex.reason() + "; paste it again"), model);
		}
		response.setStatus(422);
		return review(form, review, errors, model);
	}

	@GetMapping("/intake/imports/{id}")
	String imported(@PathVariable long id, Model model) {
		IntakeImport done = imports.get(id);
		model.addAttribute("intakeImport", done);
		model.addAttribute("account", accounts.get(done.accountId()));
		model.addAttribute("documentText", imports.content(id));
		return "intake/import";
	}

	@GetMapping("/intake/imports/{id}/document")
	ResponseEntity<String> download(@PathVariable long id) {
		IntakeImport done = imports.get(id);
		String name = done.fileName() != null ? done.fileName() : "import-" + id + ".txt";
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(imports.content(id));
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

	private String review(ImportRequest form, Review review, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("draft", review.draft());
		model.addAttribute("earlierImport", review.earlierImport());
		// Spans are offsets into the normalised text; a form post brings it back with CRLF line ends.
		model.addAttribute("highlights", DocumentHighlights.of(review.draft(), review.proposal().content()));
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
