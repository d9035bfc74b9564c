package io.riskdesk.demo.portfolio;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.riskdesk.demo.portfolio.Randoms.Part;

/**
 * The users of one account, day by day over the period: the model behind usage.csv and
 * feature-usage.csv. A WAU level (seats x engagement, growth, onboarding ramp, holiday dip, one-off
 * spikes, the injected decline) with a little noise, as a 7-day rolling count barely moves from
 * day to day; MAU follows the level's 30-day mean; the day's active users swing with the weekday.
 */
final class UsageSeries {

	/** MAU looks 29 days back: the level is computed that far before the period too. */
	private static final int LOOKBACK = 29;

	/** No launches or trainings between these days, so a spike never sits a month before the holiday dip. */
	private static final MonthDay NO_SPIKES_FROM = MonthDay.of(11, 15);

	private static final MonthDay NO_SPIKES_UNTIL = MonthDay.of(1, 15);

	/** The share of the week's users active on each weekday (Monday first). */
	private static final double[] DAY_SHARE = { 0.62, 0.64, 0.64, 0.62, 0.52, 0.10, 0.08 };

	final LocalDate first;

	final int[] activeUsers;

	final int[] wau;

	final int[] mau;

	UsageSeries(PortfolioSpec spec, AccountPlan plan) {
		RandomGenerator random = Randoms.of(spec.seed(), plan.index, Part.USAGE);
		this.first = spec.first();
		int days = spec.days();
		Map<LocalDate, Double> spikes = new HashMap<>();
		for (int i = Randoms.poisson(random, days / 180.0); i > 0; i--) {
			LocalDate day = Randoms.between(random, first, spec.end());
			MonthDay monthDay = MonthDay.from(day);
			if (monthDay.isBefore(NO_SPIKES_FROM) && monthDay.isAfter(NO_SPIKES_UNTIL)) {
				spikes.put(day, Randoms.between(random, 1.5, 2.2));
			}
		}
		double[] level = new double[LOOKBACK + days];
		for (int i = 0; i < level.length; i++) {
			LocalDate day = first.plusDays(i - LOOKBACK);
			level[i] = plan.seats * plan.engagement * Math.exp(plan.growthPerYear * (i - LOOKBACK) / 365)
					* onboarding(plan, day) * decline(plan, day) * holidayWeek(day) * spikeWeek(spikes, day);
		}
		this.activeUsers = new int[days];
		this.wau = new int[days];
		this.mau = new int[days];
		double monthSum = 0;
		for (int i = 0; i < LOOKBACK; i++) {
			monthSum += level[i];
		}
		for (int d = 0; d < days; d++) {
			int i = d + LOOKBACK;
			monthSum += level[i];
			LocalDate day = first.plusDays(d);
			double week = level[i] * (1 + 0.02 * random.nextGaussian());
			double month = plan.mauRatio * monthSum / (LOOKBACK + 1) * (1 + 0.01 * random.nextGaussian());
			double today = week * DAY_SHARE[day.getDayOfWeek().ordinal()] * holiday(day)
					* spikes.getOrDefault(day, 1.0) * (1 + 0.06 * random.nextGaussian());
			wau[d] = (int) Math.max(0, Math.round(week));
			mau[d] = (int) Math.max(wau[d], Math.round(month));
			activeUsers[d] = (int) Math.max(0, Math.min(wau[d], Math.round(today)));
			monthSum -= level[i - LOOKBACK];
		}
	}

	int days() {
		return wau.length;
	}

	/**
	 * An onboarding account has no users before it starts, then ramps up to its plateau; one
	 * onboarded long before the period is at full usage.
	 */
	private static double onboarding(AccountPlan plan, LocalDate day) {
		if (plan.onboardedOn == null) {
			return 1;
		}
		long since = day.toEpochDay() - plan.onboardedOn.toEpochDay();
		return since < 0 ? 0 : plan.plateau * (1 - 0.85 * Math.exp(-since / plan.rampDays));
	}

	private static double decline(AccountPlan plan, LocalDate day) {
		return plan.decline == null ? 1 : plan.decline.factor(day.toEpochDay() - plan.start.toEpochDay());
	}

	/** A spike day brings some users who are not there every week: the week's count rises a little. */
	private static double spikeWeek(Map<LocalDate, Double> spikes, LocalDate day) {
		double factor = 1;
		for (int back = 0; back < 7; back++) {
			Double spike = spikes.get(day.minusDays(back));
			if (spike != null) {
				factor *= 1 + (spike - 1) / 10;
			}
		}
		return factor;
	}

	/** Late December: the day's users fall to a fifth on the holidays, to 60% between them. */
	private static double holiday(LocalDate day) {
		int date = day.getDayOfMonth();
		return switch (day.getMonth()) {
			case DECEMBER -> switch (date) {
				case 24, 31 -> 0.35;
				case 25 -> 0.2;
				case 26 -> 0.4;
				case 27, 28, 29, 30 -> 0.6;
				default -> 1;
			};
			case JANUARY -> date == 1 ? 0.2 : date == 2 ? 0.7 : 1;
			default -> 1;
		};
	}

	/** Most users still come in some day of a holiday week: its count falls by about a fifth, not by half. */
	private static double holidayWeek(LocalDate day) {
		double sum = 0;
		for (int back = 0; back < 7; back++) {
			sum += holiday(day.minusDays(back));
		}
		return 1 - 0.35 * (1 - sum / 7);
	}

	/** The mean WAU of the days of the week starting {@code monday} that are within the period. */
	double weekMean(LocalDate monday) {
		int from = (int) (monday.toEpochDay() - first.toEpochDay());
		double sum = 0;
		int count = 0;
		for (int d = Math.max(0, from); d < Math.min(days(), from + 7); d++) {
			sum += wau[d];
			count++;
		}
		return count == 0 ? 0 : sum / count;
	}

}
