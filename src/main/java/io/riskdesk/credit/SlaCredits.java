package io.riskdesk.credit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.riskdesk.account.Money;
import io.riskdesk.core.InvalidFieldException;

import org.springframework.stereotype.Component;

/**
 * The service-credit arithmetic, stateless. The period runs from {@code periodStart} 00:00 UTC for
 * its calendar length ({@link MeasurementPeriod}). Outages are clipped to it; where outages overlap,
 * each moment counts once, at the highest weight of the outages then in progress (an ALL_USERS
 * outage weighs 1), so nothing is counted twice. Computed in seconds, exactly, with BigDecimal;
 * only what is shown is rounded (downtime to 2 decimals half up, uptime cut to 4 decimals, the
 * credit half up to the currency's minor unit). Comparisons with the target and the tiers use the
 * unrounded uptime.
 */
@Component
public class SlaCredits {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	/** @throws InvalidFieldException for what the request's annotations cannot say (outage order, weights, tiers) */
	public SlaCreditResult calculate(SlaCreditRequest request) {
		check(request);
		Instant from = request.periodStart().atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = request.period().end(request.periodStart()).atStartOfDay(ZoneOffset.UTC).toInstant();
		long periodSeconds = Duration.between(from, to).toSeconds();
		long periodMinutes = periodSeconds / 60;
		List<String> steps = new ArrayList<>();
		steps.add("Period: " + request.period() + " from " + request.periodStart() + " 00:00 UTC to "
				+ request.period().end(request.periodStart()) + " 00:00 UTC, " + periodSeconds / 86_400 + " days = "
				+ number(BigDecimal.valueOf(periodMinutes)) + " minutes.");

		List<Span> spans = new ArrayList<>();
		for (int i = 0; i < request.outages().size(); i++) {
			SlaCreditRequest.Outage outage = request.outages().get(i);
			BigDecimal weight = weight(outage);
			Instant start = outage.start().isBefore(from) ? from : outage.start();
			Instant end = outage.end().isAfter(to) ? to : outage.end();
			String what = "Outage " + (i + 1) + " (" + outage.start() + " to " + outage.end() + ", " + outage.scope()
					+ ", weight " + weight.stripTrailingZeros().toPlainString() + "): ";
			if (!start.isBefore(end)) {
				steps.add(what + "outside the period, not counted.");
				continue;
			}
			BigDecimal minutes = minutes(Duration.between(start, end).toSeconds());
			boolean clipped = !start.equals(outage.start()) || !end.equals(outage.end());
			steps.add(what + number(minutes) + " minutes in the period"
					+ (clipped ? " (clipped to the period from " + number(minutes(
							Duration.between(outage.start(), outage.end()).toSeconds())) + ")" : "")
					+ (weight.compareTo(BigDecimal.ONE) == 0 ? "." : ", weighted " + number(minutes.multiply(weight)) + "."));
			spans.add(new Span(start, end, weight));
		}

		BigDecimal downtimeSeconds = weightedSeconds(spans);
		BigDecimal downtime = downtimeSeconds.divide(SIXTY, MathContext.DECIMAL128);
		BigDecimal shownDowntime = downtime.setScale(2, RoundingMode.HALF_UP);
		if (spans.size() > 1) {
			steps.add("Downtime: " + number(shownDowntime) + " weighted minutes (overlapping outages count once, at "
					+ "the highest weight at each moment).");
		}
		else {
			steps.add("Downtime: " + number(shownDowntime) + " weighted minutes.");
		}
		BigDecimal period = BigDecimal.valueOf(periodSeconds);
		BigDecimal achieved = period.subtract(downtimeSeconds).multiply(HUNDRED).divide(period, MathContext.DECIMAL128);
		BigDecimal shownAchieved = achieved.setScale(4, RoundingMode.DOWN);
		BigDecimal downtimePercent = downtimeSeconds.multiply(HUNDRED).divide(period, MathContext.DECIMAL128);
		steps.add("Achieved uptime: (" + number(BigDecimal.valueOf(periodMinutes)) + " - " + number(shownDowntime)
				+ ") / " + number(BigDecimal.valueOf(periodMinutes)) + " = " + percent(shownAchieved) + "; downtime "
				+ percent(downtimePercent.setScale(4, RoundingMode.HALF_UP)) + " of the period.");
		boolean met = achieved.compareTo(request.uptimeTargetPercent()) >= 0;
		steps.add("Target " + percent(request.uptimeTargetPercent()) + ": " + (met ? "met." : "breached."));

		SlaCreditRequest.Tier tier = request.tiers()
			.stream()
			.sorted(Comparator.comparing(SlaCreditRequest.Tier::belowPercent))
			.filter(t -> achieved.compareTo(t.belowPercent()) < 0)
			.findFirst()
			.orElse(null);
		BigDecimal creditPercent = BigDecimal.ZERO;
		boolean capped = false;
		if (tier == null) {
			steps.add("No tier applies: the uptime is under no tier's threshold; no credit.");
		}
		else {
			steps.add("Tier: below " + percent(tier.belowPercent()) + " gives " + percent(tier.creditPercent())
					+ " of the fees (the lowest threshold the uptime is under).");
			capped = tier.creditPercent().compareTo(request.capPercent()) > 0;
			creditPercent = capped ? request.capPercent() : tier.creditPercent();
			steps.add(capped ? "Cap: " + percent(tier.creditPercent()) + " is above the cap of "
					+ percent(request.capPercent()) + "; " + percent(creditPercent) + " is credited."
					: "Cap: " + percent(request.capPercent()) + ", not reached.");
		}
		Money fees = request.periodFees();
		int minorUnits = Math.max(fees.currency().getDefaultFractionDigits(), 0);
		Money credit = new Money(fees.amount().multiply(creditPercent).divide(HUNDRED, minorUnits, RoundingMode.HALF_UP),
				fees.currency());
		steps.add("Credit: " + percent(creditPercent) + " of " + money(fees) + " = " + money(credit) + ".");
		String summary = "SLA credit for the " + request.period().name().toLowerCase(Locale.ROOT) + " from "
				+ request.periodStart() + ": uptime " + percent(shownAchieved) + " against a target of "
				+ percent(request.uptimeTargetPercent()) + " (" + (met ? "met" : "breached") + "); " + percent(creditPercent)
				+ " of " + money(fees) + (capped ? " (capped)" : "") + " = " + money(credit) + ".";
		return new SlaCreditResult(periodMinutes, shownDowntime, shownAchieved, met, creditPercent, credit, capped,
				List.copyOf(steps), summary);
	}

	private record Span(Instant start, Instant end, BigDecimal weight) {
	}

	/** Sum over the elementary intervals between all span edges of their length times the highest weight covering them. */
	private static BigDecimal weightedSeconds(List<Span> spans) {
		TreeSet<Instant> edges = new TreeSet<>();
		spans.forEach(span -> {
			edges.add(span.start());
			edges.add(span.end());
		});
		BigDecimal total = BigDecimal.ZERO;
		Instant previous = null;
		for (Instant edge : edges) {
			if (previous != null) {
				Instant a = previous;
				Instant b = edge;
				BigDecimal weight = spans.stream()
					.filter(span -> !span.start().isAfter(a) && !span.end().isBefore(b))
					.map(Span::weight)
					.max(Comparator.naturalOrder())
					.orElse(BigDecimal.ZERO);
				total = total.add(weight.multiply(BigDecimal.valueOf(Duration.between(a, b).toSeconds())));
			}
			previous = edge;
		}
		return total;
	}

	private static void check(SlaCreditRequest request) {
		if (request.periodFees().amount().signum() <= 0) {
			throw new InvalidFieldException("periodFees.amount", "must be greater than 0");
		}
		Set<BigDecimal> thresholds = new HashSet<>();
		for (int i = 0; i < request.tiers().size(); i++) {
			SlaCreditRequest.Tier tier = request.tiers().get(i);
			if (tier.belowPercent().compareTo(request.uptimeTargetPercent()) > 0) {
				throw new InvalidFieldException("tiers[" + i + "].belowPercent",
						"must not be above the uptime target: no credit is due while the target is met");
			}
			if (!thresholds.add(tier.belowPercent().stripTrailingZeros())) {
				throw new InvalidFieldException("tiers[" + i + "].belowPercent", "is given by another tier too");
			}
		}
		for (int i = 0; i < request.outages().size(); i++) {
			SlaCreditRequest.Outage outage = request.outages().get(i);
			if (!outage.start().isBefore(outage.end())) {
				throw new InvalidFieldException("outages[" + i + "].end", "must be after the start");
			}
			if (outage.scope() == OutageScope.PARTIAL && outage.weight() == null) {
				throw new InvalidFieldException("outages[" + i + "].weight",
						"is required for a PARTIAL outage: the share of users hit, in (0, 1]");
			}
			if (outage.scope() == OutageScope.ALL_USERS && outage.weight() != null
					&& outage.weight().compareTo(BigDecimal.ONE) != 0) {
				throw new InvalidFieldException("outages[" + i + "].weight",
						"must be 1 or left out for an ALL_USERS outage; use PARTIAL for a share of users");
			}
		}
	}

	private static BigDecimal weight(SlaCreditRequest.Outage outage) {
		return outage.scope() == OutageScope.ALL_USERS ? BigDecimal.ONE : outage.weight();
	}

	private static BigDecimal minutes(long seconds) {
		return BigDecimal.valueOf(seconds).divide(SIXTY, 2, RoundingMode.HALF_UP);
	}

	private static String number(BigDecimal value) {
		return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
	}

	private static String percent(BigDecimal value) {
		return new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value) + "%";
	}

	private static String money(Money money) {
		return money.currency().getCurrencyCode() + " "
				+ new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(money.amount());
	}

}
