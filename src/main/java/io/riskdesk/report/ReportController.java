package io.riskdesk.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reports")
class ReportController {

	private final ExecutiveSummaries summaries;

	private final PortfolioReport portfolio;

	private final ExecutiveDigests digests;

	ReportController(ExecutiveSummaries summaries, PortfolioReport portfolio, ExecutiveDigests digests) {
		this.summaries = summaries;
		this.portfolio = portfolio;
		this.digests = digests;
	}

	@GetMapping(path = "/api/risks/{key}/executive-summary.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "The risk's executive summary as a PDF: account, ARR at risk, renewal, severity history, "
			+ "timeline highlights, CAP status, concessions and credits, root cause and prevention; times in the "
			+ "account's zone")
	ResponseEntity<byte[]> executiveSummary(@PathVariable String key) {
		return PdfDownload.of(key + "-executive-summary.pdf", summaries.pdf(key));
	}

	@GetMapping(path = "/api/reports/portfolio.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "The portfolio as a PDF: ARR at risk by severity in the reporting currency, the unresolved "
			+ "S0/S1 risks with owners and next steps, SLA compliance per clock kind (last 90 days), renewals at risk "
			+ "in the next 90 days")
	ResponseEntity<byte[]> portfolio() {
		return PdfDownload.of("portfolio.pdf", portfolio.pdf());
	}

	@PostMapping("/api/reports/executive-digest/run")
	@Operation(summary = "Queues this week's executive digest now (CS_MANAGER, CS_LEADER, ADMIN): the portfolio PDF "
			+ "e-mailed to riskdesk.reports.executive-digest.recipients, once per recipient and ISO week; returns the "
			+ "week, the recipients and how many were queued (0 when this week's were queued before)")
	ExecutiveDigests.Run runExecutiveDigest() {
		return digests.runNow();
	}

}
