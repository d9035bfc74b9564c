package io.riskdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.riskdesk.account.Money;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.DashboardQuery;
import io.riskdesk.risk.ReportingMoney;
import io.riskdesk.risk.RiskQuery;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.sla.SlaCompliance;
import io.riskdesk.sla.SlaCompliance.KindCompliance;
import io.riskdesk.web.Labels;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio PDF: ARR at risk by severity in the reporting currency, the unresolved S0 and S1
 * risks with their owners and next steps, SLA compliance per clock kind over the last
 * {@value #SLA_DAYS} days, and the accounts renewing within {@value DashboardQuery#RENEWAL_DAYS} days with
 * unresolved risks. An account counts once per severity it has an unresolved risk of, and once in
 * the total; an account in a currency without a rate is counted apart, never added.
 */
@Service
public class PortfolioReport {

	static final String TEMPLATE = "portfolio";

	static final int SLA_DAYS = 90;

	// An EnumSet: an untriaged risk has no severity, and it answers false for null where Set.of throws.
	private static final Set<Severity> URGENT = EnumSet.of(Severity.S0, Severity.S1);

	private final RiskRegister risks;

	private final DashboardQuery dashboard;

	private final CorrectiveActionPlans plans;

	private final SlaCompliance sla;

	private final ReportingMoney money;

	private final ReportFonts fonts;

	private final PdfDocuments pdf;

	private final ExecutiveDigestProperties digest;

	private final Clock clock;

	PortfolioReport(RiskRegister risks, DashboardQuery dashboard, CorrectiveActionPlans plans, SlaCompliance sla, ReportingMoney money,
			ReportFonts fonts, PdfDocuments pdf, ExecutiveDigestProperties digest, Clock clock) {
		this.risks = risks;
		this.dashboard = dashboard;
		this.plans = plans;
		this.sla = sla;
		this.money = money;
		this.fonts = fonts;
		this.pdf = pdf;
		this.digest = digest;
		this.clock = clock;
	}

	/** ARR of the accounts with an unresolved risk of this severity, converted; {@code withoutRate} not in it. */
	public record SeverityArr(Severity severity, Money arr, int accounts, int withoutRate) {
	}

	/** An unresolved S0 or S1 risk and its next open milestone (the soonest due, then the first in the plan). */
	public record UrgentRisk(String key, String title, String account, Severity severity, RiskStatus status, String owner,
			Money arrAtRisk, Milestone nextStep) {
	}

	public record Portfolio(Instant generatedAt, String reportingCurrency, List<SeverityArr> arrBySeverity, Money totalArr,
			int totalAccounts, int accountsWithoutRate, String arrChart, List<UrgentRisk> urgent, Instant slaFrom,
			List<KindCompliance> slaCompliance, String slaChart, List<DashboardQuery.Renewal> renewals, int renewalDays) {
	}

	@Transactional(readOnly = true)
	public Portfolio build() {
		Instant now = clock.instant();
		List<SeverityArr> bySeverity = bySeverity(dashboard.arrAtRisk());
		DashboardQuery.ArrTotal total = dashboard.arrAtRiskTotal();

		List<UrgentRisk> urgent = new ArrayList<>();
		risks.forEach(new RiskQuery(URGENT, RiskStatus.UNRESOLVED, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null), Sort.by("severity", "detectedAt"),
				risk -> urgent.add(new UrgentRisk(risk.key(), risk.title(), risk.account().name(), risk.severity(),
						risk.status(), risk.owner() == null ? null : risk.owner().name(), risk.arrAtRisk(),
						nextStep(risk.key()))));

		Instant slaFrom = now.minus(Duration.ofDays(SLA_DAYS));
		List<KindCompliance> compliance = sla.byKind(slaFrom, now);

		return new Portfolio(now, money.reportingCurrency(), bySeverity, total.converted(), total.accounts(),
				total.withoutRate(), arrChart(bySeverity), urgent, slaFrom, compliance, slaChart(compliance),
				dashboard.renewalsWithUnresolvedRisks(), DashboardQuery.RENEWAL_DAYS);
	}

	/** The dashboard's ARR at risk (per severity and currency) converted per severity; every severity, zero when none. */
	private List<SeverityArr> bySeverity(List<DashboardQuery.ArrAtRisk> rows) {
		List<SeverityArr> bySeverity = new ArrayList<>();
		for (Severity severity : Severity.values()) {
			BigDecimal sum = BigDecimal.ZERO;
			int accounts = 0;
			int withoutRate = 0;
			for (DashboardQuery.ArrAtRisk row : rows) {
				if (row.severity() != severity) {
					continue;
				}
				accounts += row.accounts();
				BigDecimal rate = money.rates().get(row.arr().currency().getCurrencyCode());
				if (rate == null) {
					withoutRate += row.accounts();
				}
				else {
					sum = sum.add(row.arr().amount().multiply(rate));
				}
			}
			bySeverity.add(new SeverityArr(severity, new Money(sum.setScale(2, RoundingMode.HALF_UP), money.currency()),
					accounts, withoutRate));
		}
		return bySeverity;
	}

	/** The portfolio as a PDF, times in the executive digest's zone; read in one transaction like {@link #build}. */
	@Transactional(readOnly = true)
	public byte[] pdf() {
		return pdf(build());
	}

	byte[] pdf(Portfolio portfolio) {
		return pdf.render(TEMPLATE, Map.of("portfolio", portfolio, "fmt", new ReportFormat(digest.zoneId())));
	}

	private Milestone nextStep(String riskKey) {
		return plans.of(riskKey)
			.stream()
			.filter(milestone -> milestone.status().open())
			.min(Comparator.comparing(Milestone::due, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Milestone::position))
			.orElse(null);
	}

	private String arrChart(List<SeverityArr> bySeverity) {
		ReportFormat fmt = new ReportFormat(digest.zoneId());
		return BarChart.png(bySeverity.stream()
			.map(row -> new BarChart.Bar(row.severity().name(),
					List.of(new BarChart.Segment(row.arr().amount(), BarChart.BLUE)), fmt.money(row.arr())))
			.toList(), fonts.chartFont(12));
	}

	private String slaChart(List<KindCompliance> compliance) {
		return BarChart.png(compliance.stream()
			.map(kind -> new BarChart.Bar(Labels.of(kind.kind()),
					List.of(new BarChart.Segment(BigDecimal.valueOf(kind.met()), BarChart.GREEN),
							new BarChart.Segment(BigDecimal.valueOf(kind.breached()), BarChart.RED)),
					kind.met() + " met, " + kind.breached() + " breached"))
			.toList(), fonts.chartFont(12));
	}

}
