package io.riskdesk.demo.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import io.riskdesk.account.Segment;
import io.riskdesk.demo.portfolio.Randoms.Part;

import static io.riskdesk.demo.portfolio.Randoms.between;
import static io.riskdesk.demo.portfolio.Randoms.chance;
import static io.riskdesk.demo.portfolio.Randoms.pick;

/**
 * Everything about one account that more than one file depends on (its size, billing, survey and
 * review rhythm, its injected risk and the risk's dates), drawn from the seed and the account's
 * index alone. The files draw the rest from generators of their own.
 */
final class AccountPlan {

	/** Where an account is: its country, time zone and the currency it pays in. */
	record Place(String country, String timeZone, String currency, int weight) {
	}

	/** Healthy noise that a default rule may take for a risk: realistic, and rare. */
	enum Blip {
		HEALTH_YELLOW, NPS_PASSIVE, CHANGE_FREEZE
	}

	/**
	 * Usage falling to {@code 1 - depth} of its level, linearly over {@code days} days from
	 * {@code lag} days after the pattern's start.
	 */
	record Decline(int lag, double depth, int days) {

		/** The share of its level usage keeps {@code offset} days after the pattern's start. */
		double factor(long offset) {
			long into = offset - lag;
			return into <= 0 ? 1 : 1 - depth * Math.min(into, days) / days;
		}

		/** Days from the start until usage stands below {@code ratio} of what it was {@code window} days before. */
		int firstBelow(int window, double ratio) {
			for (int offset = lag; offset <= lag + days + window; offset++) {
				if (factor(offset) / factor(offset - window) < ratio) {
					return offset;
				}
			}
			throw new IllegalStateException(this + " never falls below " + ratio + " in " + window + " days");
		}

	}

	private static final double HEALTHY_BLIP_SHARE = 0.02;

	private static final double ONBOARDING_SHARE = 0.1;

	private static final int MIN_SEATS = 25;

	/** The patterns that use usage before their start need 30 days of it; the others some history. */
	private static final int USAGE_WARMUP_DAYS = 30;

	private static final int OTHER_WARMUP_DAYS = 14;

	private static final List<RiskPattern> RISKS = Stream.of(RiskPattern.values())
		.filter(pattern -> pattern != RiskPattern.NONE)
		.toList();

	private static final List<Place> PLACES = List.of(new Place("US", "America/New_York", "USD", 22),
			new Place("US", "America/Chicago", "USD", 10), new Place("US", "America/Los_Angeles", "USD", 10),
			new Place("US", "America/Denver", "USD", 3), new Place("CA", "America/Toronto", "CAD", 5),
			new Place("GB", "Europe/London", "GBP", 10), new Place("DE", "Europe/Berlin", "EUR", 8),
			new Place("FR", "Europe/Paris", "EUR", 6), new Place("NL", "Europe/Amsterdam", "EUR", 4),
			new Place("CH", "Europe/Zurich", "CHF", 2), new Place("AU", "Australia/Sydney", "AUD", 5),
			new Place("JP", "Asia/Tokyo", "JPY", 4), new Place("SG", "Asia/Singapore", "USD", 3),
			new Place("IN", "Asia/Kolkata", "USD", 3), new Place("BR", "America/Sao_Paulo", "USD", 3));

	private static final List<String> NAME_STARTS = List.of("Alder", "Birch", "Cedar", "Cobalt", "Copper", "Crescent",
			"Delta", "Ember", "Falcon", "Fjord", "Granite", "Harbor", "Helix", "Hudson", "Iron", "Juniper", "Keystone",
			"Lumen", "Maple", "Meridian", "Northwind", "Oakridge", "Orion", "Pacific", "Pinnacle", "Quarry", "Redwood",
			"Ridge", "Sable", "Sierra", "Silver", "Summit", "Tidal", "Timber", "Union", "Vantage", "Vertex", "Willow",
			"Zenith", "Atlas", "Beacon", "Cascade", "Evergreen", "Frontier", "Horizon", "Lakeshore", "Prairie",
			"Sterling");

	private static final List<String> NAME_TRADES = List.of("Freight", "Logistics", "Health", "Foods", "Analytics",
			"Energy", "Retail", "Media", "Insurance", "Capital", "Robotics", "Pharma", "Textiles", "Mining", "Airlines",
			"Marine", "Telecom", "Software", "Biotech", "Hotels", "Motors", "Packaging", "Publishing",
			"Semiconductors", "Steel", "Water", "Agritech", "Clinics", "Dental", "Education", "Engineering", "Fitness",
			"Gaming", "Housing", "Legal", "Security");

	private static final List<String> NAME_ENDS = List.of("Group", "Systems", "Partners", "Holdings", "Labs", "Works",
			"Industries", "Solutions", "Co", "International");

	private static final int NAMES = NAME_STARTS.size() * NAME_TRADES.size() * NAME_ENDS.size();

	final int index;

	final String externalId;

	final Place place;

	final int seats;

	/** The share of seats active in a week. */
	final double engagement;

	/** MAU over the 30-day mean of WAU. */
	final double mauRatio;

	final double growthPerYear;

	/** The day a new account started (healthy, or slipping its first value), or null for one of long standing. */
	final LocalDate onboardedOn;

	/** The day the account's activity starts within the period: a new account's start, else the period's first day. */
	final LocalDate activeFrom;

	final double rampDays;

	/** The share of its full usage an onboarding account reaches. */
	final double plateau;

	final LocalDate firstValueDue;

	/** The day a healthy onboarding account reached first value; null if not within the period. */
	final LocalDate firstValueReachedOn;

	final int billingMonths;

	/** One due date of the billing rhythm; the others are whole billing periods from it. */
	final LocalDate billingAnchor;

	/** One day of the quarterly NPS survey rhythm. */
	final LocalDate npsAnchor;

	/** One day of the quarterly health reviews, or null for an account without them. */
	final LocalDate reviewAnchor;

	final Blip blip;

	final LocalDate blipOn;

	final RiskPattern pattern;

	final LocalDate start;

	final LocalDate detectableOn;

	final LocalDate churnOn;

	/** The usage decline of the pattern, or null. */
	final Decline decline;

	/** SUPPORT_STORM: the day of the second SEV1. */
	final LocalDate secondSev1On;

	/** SERVICE_INCIDENT's event, or UNPAID_INVOICES' BUDGET_FREEZE / PROCUREMENT_DELAY (or null), and its day. */
	final String riskEvent;

	final LocalDate riskEventOn;

	private final PortfolioRow.Account account;

	AccountPlan(PortfolioSpec spec, int index) {
		RandomGenerator random = Randoms.of(spec.seed(), index, Part.PLAN);
		LocalDate first = spec.first();
		LocalDate end = spec.end();
		this.index = index;
		this.externalId = String.format("CRM-%06d", index + 1);
		Segment segment = weighted(random, List.of(Segment.values()), 8, 22, 35, 35);
		this.place = weighted(random, PLACES, PLACES.stream().mapToInt(Place::weight).toArray());
		this.seats = (int) Math.max(MIN_SEATS, Math.round(Randoms.logNormal(random, medianSeats(segment), 0.5)));
		double arrUsd = seats * Randoms.logNormal(random, 650, 0.3);
		this.engagement = between(random, 0.55, 0.85);
		this.mauRatio = between(random, 1.2, 1.45);
		this.growthPerYear = Math.max(-0.15, Math.min(0.5, 0.08 + 0.12 * random.nextGaussian()));
		int billingMonths = weighted(random, List.of(1, 3, 12), 10, 75, 15);
		this.npsAnchor = between(random, first.minusDays(91), first.minusDays(1));
		this.reviewAnchor = chance(random, 0.9) ? between(random, first.minusDays(91), first.minusDays(1)) : null;
		this.pattern = chance(random, spec.atRiskShare()) ? pick(random, RISKS) : RiskPattern.NONE;

		// The pattern's own timing first (days from its start), then the start that keeps it within the period.
		Decline decline = null;
		int detectableDays = 0;
		int secondSev1Days = 0;
		String riskEvent = null;
		int riskEventDays = 0;
		switch (pattern) {
			case GRADUAL_USAGE_DECLINE -> {
				double depth = between(random, 0.4, 0.7);
				// No longer than makes a 30-day drop clearly over 30% within 28 days of the start.
				int longest = (int) Math.min(56, 75 * depth);
				decline = new Decline(0, depth, between(random, 28, longest));
				detectableDays = decline.firstBelow(30, 0.65);
			}
			case ADOPTION_COLLAPSE -> {
				// Users stop at once; WAU, a 7-day count, takes a week to show it.
				decline = new Decline(0, between(random, 0.5, 0.8), between(random, 5, 9));
				detectableDays = decline.firstBelow(14, 0.55);
			}
			case FIRST_VALUE_SLIPPING -> {
				decline = new Decline(1, between(random, 0.15, 0.3), between(random, 60, 90));
				detectableDays = 1;
			}
			case SPONSOR_DEPARTURE -> decline = new Decline(between(random, 14, 35), between(random, 0.3, 0.5),
					between(random, 35, 70));
			case SUPPORT_STORM -> {
				secondSev1Days = between(random, 2, 12);
				// Two SEV1 in 30 days, or the first one unresolved for 7 days, whichever comes first.
				detectableDays = Math.min(secondSev1Days, 7);
			}
			case UNPAID_INVOICES -> {
				detectableDays = 31;
				if (chance(random, 0.5)) {
					riskEvent = chance(random, 0.5) ? "BUDGET_FREEZE" : "PROCUREMENT_DELAY";
					riskEventDays = between(random, 5, 25);
					detectableDays = riskEventDays;
				}
			}
			case SERVICE_INCIDENT -> riskEvent = weighted(random,
					List.of("OUTAGE_ALL_USERS", "OUTAGE_PARTIAL", "SECURITY_INCIDENT"), 50, 20, 30);
			case NONE, NPS_COLLAPSE, MISSING_CAPABILITY -> {
			}
		}
		if (pattern == RiskPattern.NONE) {
			this.start = null;
			this.detectableOn = null;
			this.churnOn = null;
		}
		else {
			int warmup = decline != null && decline.lag() == 0 ? USAGE_WARMUP_DAYS : OTHER_WARMUP_DAYS;
			this.start = between(random, first.plusDays(warmup), end.minusDays(detectableDays));
			this.detectableOn = start.plusDays(detectableDays);
			// 45 to 120 days after the start, 30 or more after the signal, and at most 60 after the period.
			LocalDate latest = start.plusDays(120).isBefore(end.plusDays(60)) ? start.plusDays(120) : end.plusDays(60);
			this.churnOn = between(random, start.plusDays(Math.max(45, detectableDays + 30)), latest);
		}
		this.decline = decline;
		this.secondSev1On = pattern == RiskPattern.SUPPORT_STORM ? start.plusDays(secondSev1Days) : null;
		this.riskEvent = riskEvent;
		this.riskEventOn = riskEvent == null ? null : start.plusDays(riskEventDays);
		if (pattern == RiskPattern.FIRST_VALUE_SLIPPING) {
			this.onboardedOn = start.minusDays(between(random, 60, 90));
			this.plateau = between(random, 0.25, 0.4);
			this.firstValueDue = start;
			this.firstValueReachedOn = null;
		}
		else if (pattern == RiskPattern.NONE && chance(random, ONBOARDING_SHARE)) {
			// New customers sign all along: from just before the period to a month before its end.
			this.onboardedOn = between(random, first.minusDays(45), end.minusDays(30));
			this.plateau = 1;
			this.firstValueDue = onboardedOn.plusDays(between(random, 60, 90));
			LocalDate reached = firstValueDue.minusDays(between(random, 0, 25));
			reached = reached.isBefore(first) ? first : reached;
			this.firstValueReachedOn = reached.isAfter(end) ? null : reached;
		}
		else {
			this.onboardedOn = null;
			this.plateau = 1;
			this.firstValueDue = null;
			this.firstValueReachedOn = null;
		}
		this.rampDays = between(random, 15.0, 30.0);
		this.activeFrom = onboardedOn != null && onboardedOn.isAfter(first) ? onboardedOn : first;

		// Payment stops at a due date: a yearly payer would show no paid history, so it pays quarterly.
		this.billingMonths = pattern == RiskPattern.UNPAID_INVOICES ? Math.min(billingMonths, 3) : billingMonths;
		if (pattern == RiskPattern.UNPAID_INVOICES) {
			this.billingAnchor = start;
		}
		else if (onboardedOn != null) {
			this.billingAnchor = onboardedOn.plusDays(30);
		}
		else {
			this.billingAnchor = between(random, first.minusDays(billingMonths * 30L), first.minusDays(1));
		}

		boolean blips = pattern == RiskPattern.NONE && chance(random, HEALTHY_BLIP_SHARE);
		this.blip = blips ? pick(random, List.of(Blip.values())) : null;
		this.blipOn = blips ? between(random, activeFrom, end) : null;

		LocalDate renewal = churnOn != null ? churnOn : end.plusDays(between(random, 1, 365));
		this.account = new PortfolioRow.Account(externalId, name(index), localAmount(arrUsd, place.currency()),
				place.currency(), renewal, segment, place.country(), place.timeZone(), firstValueDue);
	}

	PortfolioRow.Account account() {
		return account;
	}

	PortfolioRow.Truth truth() {
		return new PortfolioRow.Truth(externalId, pattern, pattern.category(), start, detectableOn, churnOn);
	}

	/** True from the pattern's start on: healthy rhythms (reviews, good scores) stop there. */
	boolean atRiskOn(LocalDate day) {
		return start != null && !day.isBefore(start);
	}

	/** A unique name for every index: the word combinations in a scattered order, numbered once they run out. */
	static String name(int index) {
		int combination = (int) ((index * 7919L) % NAMES);
		String name = NAME_STARTS.get(combination % NAME_STARTS.size()) + " "
				+ NAME_TRADES.get(combination / NAME_STARTS.size() % NAME_TRADES.size()) + " "
				+ NAME_ENDS.get(combination / (NAME_STARTS.size() * NAME_TRADES.size()));
		return index < NAMES ? name : name + " " + (index / NAMES + 1);
	}

	private static double medianSeats(Segment segment) {
		return switch (segment) {
			case STRATEGIC -> 1800;
			case ENTERPRISE -> 500;
			case MID_MARKET -> 120;
			case SMB -> 30;
		};
	}

	/** ARR in the account's currency at roughly the rates of application.yml, rounded as a price list would. */
	private static BigDecimal localAmount(double usd, String currency) {
		double rate = switch (currency) {
			case "EUR" -> 1.08;
			case "GBP" -> 1.27;
			case "CAD" -> 0.73;
			case "AUD" -> 0.66;
			case "JPY" -> 0.0067;
			case "CHF" -> 1.13;
			default -> 1;
		};
		long step = currency.equals("JPY") ? 10_000 : 100;
		return BigDecimal.valueOf(Math.max(1, Math.round(usd / rate / step)) * step)
			.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
	}

	private static <T> T weighted(RandomGenerator random, List<T> choices, int... weights) {
		int total = 0;
		for (int weight : weights) {
			total += weight;
		}
		int draw = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return choices.get(i);
			}
		}
		throw new IllegalArgumentException("no weights");
	}

}
