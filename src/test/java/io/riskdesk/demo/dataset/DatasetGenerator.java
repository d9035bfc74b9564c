package io.riskdesk.demo.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.riskdesk.demo.portfolio.PortfolioGenerator;
import io.riskdesk.demo.portfolio.PortfolioRow;
import io.riskdesk.demo.portfolio.PortfolioSpec;
import io.riskdesk.demo.portfolio.Randoms;
import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.TeamRole;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * Generates a large Riskdesk data set (see docs/operations.md, "Large data set"): people, the accounts of
 * the portfolio generator with their teams and contacts, and risks logged over ten years with everything
 * the app keeps of them, as rows of {@link DatasetTable}s. The risks are generated in chunks of
 * {@value #CHUNK}, each risk from its own seeded random numbers, so a chunk's rows never depend on how
 * they are consumed: the same spec gives the same rows.
 */
public final class DatasetGenerator {

	public static final int CHUNK = 5_000;

	/** Risk volume grows over the years: three times as many risks are logged per day at the end as at the start. */
	private static final double GROWTH = Math.log(3);

	private static final List<String> FIRST_NAMES = List.of("Ava", "Ben", "Carla", "Dev", "Elena", "Farid", "Gina",
			"Hugo", "Ines", "Jonas", "Kara", "Liam", "Mei", "Nora", "Omar", "Paula", "Quinn", "Rosa", "Sven", "Tara",
			"Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe");

	private static final List<String> LAST_NAMES = List.of("Adams", "Becker", "Costa", "Dubois", "Evans", "Fischer",
			"Garcia", "Hansen", "Ito", "Jansen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Olsen", "Patel", "Quist",
			"Rossi", "Silva", "Tanaka", "Usman", "Vogel", "Weber", "Young", "Zhang");

	/** A person of the directory, and the name the app would record as the actor of what they did. */
	record Person(long id, String name, String email, String actor) {
	}

	/** What a risk's rows need of its account. */
	record Account(long id, String name, ZoneId zone, String country, String currency, BigDecimal arr, Person csm,
			Person ae, Person manager, Person supportLead, String sponsor, String poc) {
	}

	private final DatasetSpec spec;

	private final List<Person> people = new ArrayList<>();

	private final List<Account> accounts = new ArrayList<>();

	private final Map<DatasetTable, List<Object[]>> directory = new EnumMap<>(DatasetTable.class);

	/** Per risk, in the order of their keys: when it was logged (epoch seconds), its account, its key. */
	private final long[] logged;

	private final int[] accountOf;

	private final boolean[] duplicate;

	private final String[] keys;

	private final Map<Integer, Integer> lastKeyOfYear = new LinkedHashMap<>();

	public DatasetGenerator(DatasetSpec spec) {
		this.spec = spec;
		for (DatasetTable table : List.of(DatasetTable.PERSON, DatasetTable.ACCOUNT, DatasetTable.ACCOUNT_TEAM_MEMBER,
				DatasetTable.ACCOUNT_CONTACT)) {
			directory.put(table, new ArrayList<>());
		}
		directory();
		logged = new long[spec.risks()];
		accountOf = new int[spec.risks()];
		duplicate = new boolean[spec.risks()];
		keys = new String[spec.risks()];
		schedule();
	}

	public DatasetSpec spec() {
		return spec;
	}

	/** People, accounts, account teams and contacts. */
	public Map<DatasetTable, List<Object[]>> directoryRows() {
		return directory;
	}

	/** The risks and everything of them, chunk by chunk, in key order; each chunk's tables in {@link DatasetTable} order. */
	public Stream<Map<DatasetTable, List<Object[]>>> riskChunks() {
		return IntStream.range(0, chunks()).mapToObj(this::chunk);
	}

	/** How many chunks of at most {@value #CHUNK} risks the risks come in. */
	public int chunks() {
		return (spec.risks() + CHUNK - 1) / CHUNK;
	}

	/** The counters of risk keys per year: the next key the app hands out follows the last generated one. */
	public List<Object[]> keyCounters() {
		return lastKeyOfYear.entrySet().stream().map(e -> new Object[] { e.getKey(), e.getValue() }).toList();
	}

	/** The key of the risk of this index (0 for the first logged). */
	public String key(int index) {
		return keys[index];
	}

	/** The rows of the risks of one chunk; chunks do not depend on each other, so they may be made on other threads. */
	public Map<DatasetTable, List<Object[]>> chunk(int chunk) {
		Rows rows = new Rows();
		// Ids of the rows other rows name (milestones, clocks, imports): from the chunk's own range, so a chunk's ids
		// do not depend on the chunks before it.
		Ids ids = new Ids(chunk * (long) CHUNK * 20 + 1);
		for (int i = chunk * CHUNK; i < Math.min(spec.risks(), (chunk + 1) * CHUNK); i++) {
			new RiskStory(spec, i, keys[i], Instant.ofEpochSecond(logged[i]), accounts.get(accountOf[i]),
					duplicate[i] ? keys[i - 1] : null, people, ids, rows).write();
		}
		return rows.tables();
	}

	/** When each risk is logged, for which account, and its key: numbered per year in the order of logging. */
	private void schedule() {
		long start = spec.start().getEpochSecond();
		long span = spec.now().getEpochSecond() - start;
		for (int i = 0; i < spec.risks(); i++) {
			RandomGenerator random = Randoms.of(spec.seed(), i, Streams.SCHEDULE);
			// The inverse of an exponentially growing rate's distribution: increasing in i, so keys follow logging.
			double p = (i + 0.5) / spec.risks();
			logged[i] = start + (long) (span * Math.log(1 + p * (Math.exp(GROWTH) - 1)) / GROWTH);
			duplicate[i] = i > 0 && !duplicate[i - 1] && Randoms.chance(random, 0.03);
			// Some accounts have many risks, most a few.
			accountOf[i] = duplicate[i] ? accountOf[i - 1]
					: (int) Math.min(accounts.size() - 1, Math.floor(accounts.size() * Math.pow(random.nextDouble(), 1.3)));
			int year = Instant.ofEpochSecond(logged[i]).atZone(ZoneOffset.UTC).getYear();
			int number = lastKeyOfYear.merge(year, 1, Integer::sum);
			keys[i] = "RISK-%d-%04d".formatted(year, number);
		}
	}

	private void directory() {
		readDemoPeople();
		int firstGenerated = people.size();
		int generated = Math.max(40, spec.accounts() / 20);
		for (int n = 0; n < generated; n++) {
			String first = FIRST_NAMES.get(n % FIRST_NAMES.size());
			String last = LAST_NAMES.get((n / FIRST_NAMES.size()) % LAST_NAMES.size());
			int round = n / (FIRST_NAMES.size() * LAST_NAMES.size());
			String name = first + " " + last + (round == 0 ? "" : " " + (round + 1));
			String local = (first + "." + last).toLowerCase() + (round == 0 ? "" : "." + (round + 1));
			addPerson(name, local + "@cs.riskdesk.example", local);
		}
		// The demo people come first in every pool, so the demo users own risks too.
		List<Person> csms = pool(firstGenerated, generated * 6 / 10);
		List<Person> aes = pool(firstGenerated + generated * 6 / 10, generated * 2 / 10);
		List<Person> managers = pool(firstGenerated + generated * 8 / 10, generated / 10);
		List<Person> supportLeads = pool(firstGenerated + generated * 9 / 10, generated - generated * 9 / 10);
		Instant created = spec.start().minusSeconds(86_400L * 30);
		PortfolioSpec portfolio = new PortfolioSpec(spec.seed(), spec.accounts(), PortfolioSpec.MIN_DAYS, spec.asOf(),
				PortfolioSpec.DEFAULT_AT_RISK_SHARE);
		List<PortfolioRow.Account> rows = new PortfolioGenerator(portfolio).accounts().toList();
		for (int n = 0; n < rows.size(); n++) {
			PortfolioRow.Account row = rows.get(n);
			RandomGenerator random = Randoms.of(spec.seed(), n, Streams.ACCOUNT);
			long id = n + 1L;
			Object[] values = row.values();
			Object[] account = new Object[values.length + 4];
			account[0] = id;
			System.arraycopy(values, 0, account, 1, values.length);
			account[values.length + 1] = created;
			account[values.length + 2] = created;
			account[values.length + 3] = 0;
			directory.get(DatasetTable.ACCOUNT).add(account);
			Person csm = csms.get(n % csms.size());
			Person ae = Randoms.pick(random, aes);
			Person manager = managers.get(n % managers.size());
			Person supportLead = Randoms.pick(random, supportLeads);
			Map<TeamRole, Person> team = new EnumMap<>(TeamRole.class);
			team.put(TeamRole.CSM, csm);
			team.put(TeamRole.AE, ae);
			team.put(TeamRole.CS_MANAGER, manager);
			team.put(TeamRole.SUPPORT_LEAD, supportLead);
			team.forEach((role, person) -> directory.get(DatasetTable.ACCOUNT_TEAM_MEMBER)
				.add(new Object[] { id, role.name(), person.id() }));
			String sponsor = Randoms.pick(random, FIRST_NAMES) + " " + Randoms.pick(random, LAST_NAMES);
			String poc = Randoms.pick(random, FIRST_NAMES) + " " + Randoms.pick(random, LAST_NAMES);
			String domain = row.name().toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example";
			directory.get(DatasetTable.ACCOUNT_CONTACT)
				.add(new Object[] { id, 0, ContactRole.SPONSOR.name(), sponsor, email(sponsor, domain), "VP Operations" });
			directory.get(DatasetTable.ACCOUNT_CONTACT)
				.add(new Object[] { id, 1, ContactRole.POC.name(), poc, email(poc, domain), "Program Manager" });
			accounts.add(new Account(id, row.name(), ZoneId.of(row.timeZone()), row.country(),
					row.arrCurrency(), row.arrAmount(), csm, ae, manager, supportLead, sponsor, poc));
		}
	}

	private static String email(String name, String domain) {
		return name.toLowerCase().replace(' ', '.') + "@" + domain;
	}

	/** The demo people first, then {@code size} generated people from {@code from}. */
	private List<Person> pool(int from, int size) {
		List<Person> pool = new ArrayList<>(people.subList(0, from));
		pool.addAll(people.subList(from, from + Math.max(1, size)));
		return pool;
	}

	private void addPerson(String name, String email, String slack) {
		Person person = new Person(people.size() + 1L, name, email, email.substring(0, email.indexOf('@')));
		people.add(person);
		directory.get(DatasetTable.PERSON).add(new Object[] { person.id(), name, email, slack, 0 });
	}

	/** The directory of the demo (demo/people.yml), whose users sign in to look at the data set. */
	private void readDemoPeople() {
		try (InputStream in = new ClassPathResource("demo/people.yml").getInputStream()) {
			JsonNode file = YAMLMapper.builder().build().readTree(in);
			for (JsonNode person : file.get("people")) {
				addPerson(person.get("name").asString(), person.get("email").asString(), person.get("slack").asString());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The random streams of one item; each draws from its own. */
	static final class Streams {

		// After the portfolio generator's parts, so no stream of an item is shared with one of its telemetry.
		static final int SCHEDULE = 100;

		static final int ACCOUNT = 101;

		static final int RISK = 102;

		private Streams() {
		}

	}

	/** Sequential ids of a chunk's rows that others refer to. */
	static final class Ids {

		private long next;

		Ids(long first) {
			this.next = first;
		}

		long next() {
			return next++;
		}

	}

	/** A chunk's rows, per table. */
	static final class Rows {

		private final Map<DatasetTable, List<Object[]>> tables = new EnumMap<>(DatasetTable.class);

		void add(DatasetTable table, Object... values) {
			if (values.length != table.columns().size()) {
				throw new IllegalArgumentException(table + " has " + table.columns().size() + " columns, not " + values.length);
			}
			tables.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
		}

		Map<DatasetTable, List<Object[]>> tables() {
			return tables;
		}

	}

}
