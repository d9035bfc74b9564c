package io.riskdesk.report;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The PDFs downloaded from the pages: the risk page's executive summary, the dashboard's portfolio. */
@Controller
class ReportDownloads {

	private final ExecutiveSummaries summaries;

	private final PortfolioReport portfolio;

	ReportDownloads(ExecutiveSummaries summaries, PortfolioReport portfolio) {
		this.summaries = summaries;
		this.portfolio = portfolio;
	}

	@GetMapping("/risks/{key}/executive-summary.pdf")
	ResponseEntity<byte[]> executiveSummary(@PathVariable String key) {
		return PdfDownload.of(key + "-executive-summary.pdf", summaries.pdf(key));
	}

	@GetMapping("/reports/portfolio.pdf")
	ResponseEntity<byte[]> portfolio() {
		return PdfDownload.of("portfolio.pdf", portfolio.pdf());
	}

}
