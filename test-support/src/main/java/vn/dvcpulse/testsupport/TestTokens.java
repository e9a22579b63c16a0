package vn.dvcpulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import vn.dvcpulse.access.AccessToken;
import vn.dvcpulse.access.Role;

/**
 * A token issuer for tests: an RSA key pair made once per test JVM, whose public key every service under test is
 * configured to trust (the {@link Issuer} listener sets {@code dvc.access.*} as system properties before any test
 * starts), and tokens signed with it. No key is committed anywhere.
 */
public final class TestTokens {

	public static final String ISSUER = "https://issuer.test.dvc-pulse";

	private static final KeyPair KEYS = generate();

	private static final KeyPair FORGER = generate();

	private static final Path PUBLIC_KEY = writePublicKey();

	private TestTokens() {
	}

	/** {@code Bearer <token>} for a role; a submitter's token names locality 01. */
	public static String bearer(Role role) {
		return bearer(role, (role == Role.SUBMITTER) ? "01" : null);
	}

	/** {@code Bearer <token>} for a role acting for a locality. */
	public static String bearer(Role role, String locality) {
		return "Bearer " + token((claims) -> {
			claims.claim(AccessToken.ROLES_CLAIM, List.of(role.name()));
			if (locality != null) {
				claims.claim(AccessToken.LOCALITY_CLAIM, locality);
			}
		});
	}

	/** A valid token for one hour, subject {@code test-client}, with whatever the customizer adds or changes. */
	public static String token(Consumer<JwtClaimsSet.Builder> customizer) {
		return sign(KEYS, customizer);
	}

	/** A token like {@link #token} but signed by a key no one trusts. */
	public static String forged(Consumer<JwtClaimsSet.Builder> customizer) {
		return sign(FORGER, customizer);
	}

	/** Where the trusted public key is, as a Spring resource location. */
	public static String publicKeyLocation() {
		return "file:" + PUBLIC_KEY;
	}

	/** The arguments that make a service started as a process trust these tokens. */
	public static List<String> serviceArguments() {
		return List.of("--dvc.access.issuer=" + ISSUER, "--dvc.access.public-key-location=" + publicKeyLocation());
	}

	private static String sign(KeyPair keys, Consumer<JwtClaimsSet.Builder> customizer) {
		RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
			.keyID("test")
			.build();
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject("test-client")
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofHours(1)));
		customizer.accept(claims);
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
			.getTokenValue();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path writePublicKey() {
		try {
			Path file = Files.createTempFile("dvc-test-jwt", ".pem");
			file.toFile().deleteOnExit();
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(KEYS.getPublic().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			Files.writeString(file, pem);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes every Spring context of the test JVM trust the test issuer. */
	public static final class Issuer implements TestExecutionListener {

		@Override
		public void testPlanExecutionStarted(TestPlan testPlan) {
			System.setProperty("dvc.access.issuer", ISSUER);
			System.setProperty("dvc.access.public-key-location", publicKeyLocation());
		}

	}

}
