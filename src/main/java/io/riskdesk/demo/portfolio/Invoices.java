package io.riskdesk.demo.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.random.RandomGenerator;

import io.riskdesk.demo.portfolio.Randoms.Part;

import static io.riskdesk.demo.portfolio.Randoms.between;

/**
 * An account's invoices due within the period, monthly, quarterly or yearly, each a share of the
 * ARR: most paid on or before the due date, some up to 12 days late, a few up to 25. Payment
 * stops at the start of UNPAID_INVOICES. An invoice not paid by the end of the period is unpaid.
 */
final class Invoices {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

	private Invoices() {
	}

	static List<PortfolioRow.Invoice> of(PortfolioSpec spec, AccountPlan plan) {
		RandomGenerator random = Randoms.of(spec.seed(), plan.index, Part.INVOICES);
		PortfolioRow.Account account = plan.account();
		BigDecimal amount = account.arrAmount()
			.multiply(BigDecimal.valueOf(plan.billingMonths))
			.divide(BigDecimal.valueOf(12),
					Currency.getInstance(account.arrCurrency()).getDefaultFractionDigits(), RoundingMode.HALF_UP);
		List<PortfolioRow.Invoice> invoices = new ArrayList<>();
		// Due dates are whole billing periods from the anchor, which may lie on either side of the period.
		long periodsBack = spec.days() / (28L * plan.billingMonths) + 2;
		for (long k = -periodsBack;; k++) {
			LocalDate due = plan.billingAnchor.plusMonths(k * plan.billingMonths);
			if (due.isAfter(spec.end())) {
				break;
			}
			if (due.isBefore(plan.activeFrom)) {
				continue;
			}
			LocalDate paid = due.plusDays(paymentDelay(random));
			if (plan.pattern == RiskPattern.UNPAID_INVOICES && !due.isBefore(plan.start) || paid.isAfter(spec.end())) {
				paid = null;
			}
			invoices.add(new PortfolioRow.Invoice(plan.externalId,
					"INV-" + plan.externalId.substring(4) + "-" + MONTH.format(due), amount, account.arrCurrency(), due,
					paid));
		}
		return invoices;
	}

	/** Days from due to paid: negative is early. */
	private static int paymentDelay(RandomGenerator random) {
		int draw = random.nextInt(100);
		return draw < 85 ? -between(random, 0, 10) : draw < 99 ? between(random, 1, 12) : between(random, 13, 25);
	}

}
