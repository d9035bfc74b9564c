package io.riskdesk.demo.portfolio;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.riskdesk.demo.portfolio.Randoms.Part;

/**
 * Generates a synthetic portfolio of accounts with their telemetry and the ground truth of the risks
 * injected into some of them; see docs/portfolio.md. Every file is a stream, account after account
 * in the order of their index (each account's rows by date), computed as it is read: nothing holds a
 * whole file. An account's rows depend on the spec's seed, period and at-risk share and on the
 * account's index, not on how many accounts there are: the same spec gives the same rows.
 */
public final class PortfolioGenerator {

	private static final List<String> FEATURES = List.of("dashboards", "reports", "workflows", "alerts",
			"integrations", "api", "mobile");

	private static final List<String> PERSONAS = List.of("admin", "analyst", "manager", "agent", "executive");

	private final PortfolioSpec spec;

	/** The indices of the accounts generated; null for all of the spec's. */
	private final int[] indices;

	public PortfolioGenerator(PortfolioSpec spec) {
		this(spec, null);
	}

	private PortfolioGenerator(PortfolioSpec spec, int[] indices) {
		this.spec = spec;
		this.indices = indices;
	}

	/** The same rows, for the accounts of these indices only, in this order: a few accounts of a large portfolio. */
	PortfolioGenerator only(int... indices) {
		return new PortfolioGenerator(spec, indices.clone());
	}

	public PortfolioSpec spec() {
		return spec;
	}

	public Stream<PortfolioRow.Account> accounts() {
		return plans().map(AccountPlan::account);
	}

	public Stream<PortfolioRow.Usage> usage() {
		return plans().flatMap(plan -> {
			UsageSeries series = new UsageSeries(spec, plan);
			return IntStream.range(0, series.days())
				.mapToObj(d -> new PortfolioRow.Usage(plan.externalId, series.first.plusDays(d), series.activeUsers[d],
						series.wau[d], series.mau[d]));
		});
	}

	public Stream<PortfolioRow.FeatureUsage> featureUsage() {
		return plans().flatMap(plan -> featureUsage(plan).stream());
	}

	public Stream<PortfolioRow.Ticket> tickets() {
		return plans().flatMap(plan -> Tickets.of(spec, plan).stream());
	}

	public Stream<PortfolioRow.Invoice> invoices() {
		return plans().flatMap(plan -> Invoices.of(spec, plan).stream());
	}

	public Stream<PortfolioRow.Survey> surveys() {
		return plans().flatMap(plan -> Surveys.of(spec, plan).stream());
	}

	public Stream<PortfolioRow.Event> events() {
		return plans().flatMap(plan -> Events.of(spec, plan).stream());
	}

	/** One row per account: its injected pattern and dates, or {@link RiskPattern#NONE}. */
	public Stream<PortfolioRow.Truth> truth() {
		return plans().map(AccountPlan::truth);
	}

	private Stream<AccountPlan> plans() {
		IntStream accounts = indices == null ? IntStream.range(0, spec.accounts()) : IntStream.of(indices);
		return accounts.mapToObj(index -> new AccountPlan(spec, index));
	}

	/**
	 * Three to five feature and persona pairs per account, each a steady share of the week's users,
	 * so a feature's users follow the account's usage, declines included.
	 */
	private List<PortfolioRow.FeatureUsage> featureUsage(AccountPlan plan) {
		RandomGenerator random = Randoms.of(spec.seed(), plan.index, Part.FEATURES);
		List<String[]> pairs = new ArrayList<>();
		List<Double> shares = new ArrayList<>();
		for (int n = Randoms.between(random, 3, 5); pairs.size() < n;) {
			String[] pair = { Randoms.pick(random, FEATURES), Randoms.pick(random, PERSONAS) };
			if (pairs.stream().noneMatch(known -> known[0].equals(pair[0]) && known[1].equals(pair[1]))) {
				pairs.add(pair);
				shares.add(Randoms.between(random, 0.15, 0.7));
			}
		}
		UsageSeries series = new UsageSeries(spec, plan);
		List<PortfolioRow.FeatureUsage> rows = new ArrayList<>();
		for (LocalDate monday = spec.first().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
				!monday.isAfter(spec.end()); monday = monday.plusWeeks(1)) {
			double weekUsers = series.weekMean(monday);
			for (int i = 0; i < pairs.size(); i++) {
				long users = Math.round(weekUsers * shares.get(i) * (1 + 0.05 * random.nextGaussian()));
				rows.add(new PortfolioRow.FeatureUsage(plan.externalId, monday, pairs.get(i)[0], pairs.get(i)[1],
						(int) Math.max(0, users)));
			}
		}
		return rows;
	}

}
