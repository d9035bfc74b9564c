package io.riskdesk.security;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users who can sign in. Passwords are stored as one-way hashes only. */
@Service
@Transactional
public class UserAccounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwords = passwords;
	}

	/** A signed-in user; {@code personEmail} links them to the people directory (e.g. for "my risks"). */
	public record User(String username, String displayName, Role role, String personEmail, boolean enabled) {
	}

	/** Creates the user unless one of that name exists; returns whether it was created. */
	public boolean createIfAbsent(String username, String displayName, String rawPassword, Role role,
			String personEmail) {
		return createIfAbsent(List.of(new NewUser(username, displayName, role, personEmail)), rawPassword) == 1;
	}

	/** A user to create; {@code personEmail} (may be null) links them to the people directory. */
	public record NewUser(String username, String displayName, Role role, String personEmail) {
	}

	/**
	 * Creates those of these users whose names do not exist yet, all with this password, and returns
	 * how many it created. The password is hashed only when someone is created, and once for all of
	 * them: a hash costs about 0.1 s by design, and the demo's users, ensured at every start, share
	 * one published password.
	 */
	public int createIfAbsent(List<NewUser> users, String rawPassword) {
		List<String> existing = jdbc.sql("select username from app_user where username in (:names)")
			.param("names", users.stream().map(NewUser::username).toList())
			.query(String.class)
			.list();
		List<NewUser> absent = users.stream().filter(user -> !existing.contains(user.username())).toList();
		if (absent.isEmpty()) {
			return 0;
		}
		String hash = passwords.encode(rawPassword);
		int created = 0;
		for (NewUser user : absent) {
			created += jdbc.sql("""
					insert into app_user (username, display_name, password_hash, role, person_email)
					values (:username, :displayName, :hash, :role, :email)
					on conflict (username) do nothing""")
				.param("username", user.username())
				.param("displayName", user.displayName())
				.param("hash", hash)
				.param("role", user.role().name())
				.param("email", user.personEmail())
				.update();
		}
		return created;
	}

	@Transactional(readOnly = true)
	public Optional<User> find(String username) {
		return jdbc.sql("select username, display_name, role, person_email, enabled from app_user where username = :username")
			.param("username", username)
			.query((rs, n) -> new User(rs.getString("username"), rs.getString("display_name"),
					Role.valueOf(rs.getString("role")), rs.getString("person_email"), rs.getBoolean("enabled")))
			.optional();
	}

	/** The e-mail addresses (in the people directory) of the enabled users of a role, e.g. the CS leaders. */
	@Transactional(readOnly = true)
	public List<String> personEmailsOf(Role role) {
		return jdbc.sql("""
				select person_email from app_user
				where role = :role and enabled and person_email is not null order by username""")
			.param("role", role.name())
			.query(String.class)
			.list();
	}

	@Transactional(readOnly = true)
	boolean anyAdmin() {
		return jdbc.sql("select exists (select 1 from app_user where role = 'ADMIN' and enabled)")
			.query(Boolean.class)
			.single();
	}

}
