package io.riskdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the API. The secret is shown once, at creation; only its SHA-256 is
 * stored. A fast hash is enough here because the secret has 256 random bits, unlike a password.
 */
@Service
@Transactional
class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserAccounts users;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, UserAccounts users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	record TokenView(long id, String name, String username, Instant createdAt, String createdBy, Instant lastUsedAt,
			Instant revokedAt) {
	}

	/** What creation returns: the only time the secret is seen. */
	record CreatedToken(TokenView token, String secret) {
	}

	CreatedToken create(String name, String username, String createdBy) {
		if (users.find(username).isEmpty()) {
			throw new InvalidFieldException("username", "no user " + username);
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = "rd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		long id = jdbc.sql("""
				insert into api_token (name, username, token_hash, created_at, created_by)
				values (:name, :username, :hash, :now, :createdBy) returning id""")
			.param("name", name.strip())
			.param("username", username)
			.param("hash", sha256(secret))
			.param("now", Timestamp.from(clock.instant()))
			.param("createdBy", createdBy)
			.query(Long.class)
			.single();
		return new CreatedToken(get(id), secret);
	}

	@Transactional(readOnly = true)
	List<TokenView> list() {
		return jdbc.sql(SELECT + " order by id").query(ApiTokens::view).list();
	}

	TokenView revoke(long id) {
		TokenView token = get(id);
		if (token.revokedAt() != null) {
			throw new ConflictException("Token " + id + " was already revoked at " + token.revokedAt());
		}
		jdbc.sql("update api_token set revoked_at = :now where id = :id")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		return get(id);
	}

	/**
	 * The user a valid, unrevoked token belongs to. A read, checked against the database every
	 * time so a revocation counts at once; the use is written at most once a {@link #USE_RECORDED_EVERY}
	 * per token, so an integration's reads do not each cost a write.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	Optional<String> authenticate(String secret) {
		return jdbc.sql("select id, username, last_used_at from api_token where token_hash = :hash and revoked_at is null")
			.param("hash", sha256(secret))
			.query((rs, n) -> new Use(rs.getLong("id"), rs.getString("username"), instant(rs.getTimestamp("last_used_at"))))
			.optional()
			.map(use -> {
				recordUse(use);
				return use.username();
			});
	}

	static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

	private record Use(long tokenId, String username, Instant lastRecorded) {
	}

	private void recordUse(Use use) {
		Instant now = clock.instant();
		Instant due = now.minus(USE_RECORDED_EVERY);
		if (use.lastRecorded() == null || use.lastRecorded().isBefore(due)) {
			// The condition again in SQL: of nodes (or threads) racing, one writes.
			jdbc.sql("update api_token set last_used_at = :now where id = :id and (last_used_at is null or last_used_at < :due)")
				.param("now", Timestamp.from(now))
				.param("id", use.tokenId())
				.param("due", Timestamp.from(due))
				.update();
		}
	}

	private TokenView get(long id) {
		return jdbc.sql(SELECT + " where id = :id")
			.param("id", id)
			.query(ApiTokens::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("Token", id));
	}

	private static final String SELECT = "select id, name, username, created_at, created_by, last_used_at, revoked_at from api_token";

	private static TokenView view(ResultSet rs, int row) throws SQLException {
		return new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), instant(rs.getTimestamp("last_used_at")),
				instant(rs.getTimestamp("revoked_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static String sha256(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
