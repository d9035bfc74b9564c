package io.riskdesk.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

import io.riskdesk.notification.Mailings;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.risk.DashboardQuery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly executive digest: the portfolio PDF, made once per run, queued in the notification
 * outbox for every configured recipient with the PDF attached. One mailing per recipient and ISO
 * week (in the digest's zone): a late, repeated or manual run in the same week queues nothing new.
 */
@Service
public class ExecutiveDigests {

	private static final Logger log = LoggerFactory.getLogger(ExecutiveDigests.class);

	static final String TEMPLATE = "executive-digest";

	private final PortfolioReport portfolio;

	private final Mailings mailings;

	private final ExecutiveDigestProperties properties;

	private final Clock clock;

	ExecutiveDigests(PortfolioReport portfolio, Mailings mailings, ExecutiveDigestProperties properties, Clock clock) {
		this.portfolio = portfolio;
		this.mailings = mailings;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a run queued: the ISO week it was for, and how many mailings were new. */
	public record Run(String week, int recipients, int queued) {
	}

	/** The digest of the current week, now. */
	@Transactional
	public Run runNow() {
		return run(clock.instant());
	}

	/** Queues the digest of the ISO week that holds {@code at} to every recipient not sent it yet. */
	@Transactional
	public Run run(Instant at) {
		String week = week(at.atZone(properties.zoneId()));
		if (properties.recipients().isEmpty()) {
			log.info("Executive digest {}: no recipients configured", week);
			return new Run(week, 0, 0);
		}
		PortfolioReport.Portfolio figures = portfolio.build();
		byte[] pdf = portfolio.pdf(figures);
		Mailings.Attachment attachment = new Mailings.Attachment("portfolio-" + week + ".pdf", PdfDocuments.MEDIA_TYPE,
				pdf);
		String subject = "Executive digest " + week + ": " + figures.urgent().size() + " S0/S1 risks, ARR at risk "
				+ new ReportFormat(properties.zoneId()).money(figures.totalArr());
		String text = """
				The portfolio of the week %s is attached (PDF): ARR at risk by severity, the S0 and S1 risks with their \
				owners and next steps, SLA compliance, and the renewals at risk in the next %d days.
				""".formatted(week, DashboardQuery.RENEWAL_DAYS);
		int queued = 0;
		for (String address : properties.recipients()) {
			if (mailings.queue(new Mailings.Mailing(NotificationTrigger.EXECUTIVE_DIGEST, week, address, address, TEMPLATE,
					subject, text, null, attachment), clock.instant())) {
				queued++;
			}
		}
		log.info("Executive digest {}: {} of {} queued", week, queued, properties.recipients().size());
		return new Run(week, properties.recipients().size(), queued);
	}

	/** "2026-W49": the ISO week-based year and week. */
	static String week(ZonedDateTime at) {
		return "%d-W%02d".formatted(at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

}
