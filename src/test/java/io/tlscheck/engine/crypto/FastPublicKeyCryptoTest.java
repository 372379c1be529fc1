package io.tlscheck.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.tlscheck.engine.TlsRuntime;

/**
 * The provider against the JDK's SunEC as the reference: same results, same refusals, and a
 * clean fall-through for everything it does not cover.
 */
class FastPublicKeyCryptoTest {
    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void installed() {
        TlsRuntime.configure();
    }

    @Test
    void isInstalledAheadOfTheJdkProviders() {
        assertThat(Security.getProviders()[0].getName()).isEqualTo(FastPublicKeyCrypto.NAME);
    }

    /** RFC 7748 §6.1, Alice and Bob. */
    @Test
    void x25519AgreementMatchesTheRfcVector() throws GeneralSecurityException {
        PrivateKey alice = x25519Private("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        PublicKey bob = x25519Public("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");

        KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        agreement.init(alice);
        agreement.doPhase(bob, true);

        assertThat(agreement.getProvider().getName()).isEqualTo(FastPublicKeyCrypto.NAME);
        assertThat(HEX.formatHex(agreement.generateSecret()))
                .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    }

    @Test
    void x25519KeyPairsAgreeWithSunEcBothWays() throws GeneralSecurityException {
        KeyPairGenerator ours = KeyPairGenerator.getInstance("XDH");
        ours.initialize(NamedParameterSpec.X25519);
        KeyPairGenerator sunEc = KeyPairGenerator.getInstance("XDH", "SunEC");
        sunEc.initialize(NamedParameterSpec.X25519);
        for (int i = 0; i < 20; i++) {
            KeyPair mine = ours.generateKeyPair();
            KeyPair theirs = sunEc.generateKeyPair();

            byte[] ourView = agree(KeyAgreement.getInstance("XDH"), mine.getPrivate(), theirs.getPublic());
            byte[] theirView = agree(KeyAgreement.getInstance("XDH", "SunEC"), theirs.getPrivate(), mine.getPublic());
            byte[] sunEcOnOurKey = agree(KeyAgreement.getInstance("XDH", "SunEC"), mine.getPrivate(), theirs.getPublic());

            assertThat(ourView).isEqualTo(theirView).isEqualTo(sunEcOnOurKey);
        }
        assertThat(ours.getProvider().getName()).isEqualTo(FastPublicKeyCrypto.NAME);
    }

    @Test
    void x25519RefusesASmallOrderPeerLikeSunEc() throws GeneralSecurityException {
        PrivateKey mine = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate();
        PublicKey zero = x25519Public("0000000000000000000000000000000000000000000000000000000000000000");

        for (KeyAgreement agreement : new KeyAgreement[] {KeyAgreement.getInstance("XDH"),
                KeyAgreement.getInstance("XDH", "SunEC")}) {
            agreement.init(mine);
            assertThatThrownBy(() -> agreement.doPhase(zero, true)).isInstanceOf(InvalidKeyException.class);
        }
    }

    @Test
    void x448FallsThroughToSunEc() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
        generator.initialize(NamedParameterSpec.X448);
        KeyPair a = generator.generateKeyPair();
        KeyPair b = generator.generateKeyPair();

        KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        byte[] secret = agree(agreement, a.getPrivate(), b.getPublic());

        assertThat(agreement.getProvider().getName()).isEqualTo("SunEC");
        assertThat(secret).isEqualTo(agree(KeyAgreement.getInstance("XDH", "SunEC"), b.getPrivate(), a.getPublic()));
    }

    @Test
    void p256KeyPairsAgreeWithSunEcBothWaysHoweverTheCurveIsNamed() throws GeneralSecurityException {
        ECParameterSpec sunEcParams = ((ECPublicKey) ecKeyPairFrom("SunEC", "secp256r1").getPublic()).getParams();
        KeyPairGenerator byName = KeyPairGenerator.getInstance("EC");
        byName.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPairGenerator bySpec = KeyPairGenerator.getInstance("EC");
        bySpec.initialize(sunEcParams);
        KeyPairGenerator bySize = KeyPairGenerator.getInstance("EC");
        bySize.initialize(256);
        for (KeyPairGenerator ours : List.of(byName, bySpec, bySize)) {
            for (int i = 0; i < 10; i++) {
                KeyPair mine = ours.generateKeyPair();
                KeyPair theirs = ecKeyPairFrom("SunEC", "secp256r1");

                byte[] ourView = agree(KeyAgreement.getInstance("ECDH", "SunEC"), mine.getPrivate(), theirs.getPublic());
                byte[] theirView = agree(KeyAgreement.getInstance("ECDH", "SunEC"), theirs.getPrivate(), mine.getPublic());

                assertThat(ourView).isEqualTo(theirView);
            }
            assertThat(ours.getProvider().getName()).isEqualTo(FastPublicKeyCrypto.NAME);
        }
    }

    @Test
    void p256KeysAreTheJdksOwnAndEncodeWithTheCurvesName() throws GeneralSecurityException {
        KeyPairGenerator ours = KeyPairGenerator.getInstance("EC");
        ours.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = ours.generateKeyPair();

        PublicKey decoded = KeyFactory.getInstance("EC", "SunEC").generatePublic(
                new X509EncodedKeySpec(pair.getPublic().getEncoded()));
        assertThat(decoded).isEqualTo(pair.getPublic());
        assertThat(pair.getPublic().getClass()).isEqualTo(ecKeyPairFrom("SunEC", "secp256r1").getPublic().getClass());
        assertThat(((ECPublicKey) pair.getPublic()).getParams().toString()).contains("secp256r1");
        BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
        assertThat(d.signum()).isPositive();
        assertThat(d).isLessThan(((ECPublicKey) pair.getPublic()).getParams().getOrder());
    }

    @Test
    void otherCurvesAndTheDefaultCurveAreSunEcs() throws GeneralSecurityException {
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        assertThat(((ECPublicKey) p384.generateKeyPair().getPublic()).getParams().getOrder().bitLength()).isEqualTo(384);
        assertThat(p384.getProvider().getName()).isEqualTo("SunEC");

        KeyPair byDefault = KeyPairGenerator.getInstance("EC").generateKeyPair();
        KeyPair sunEcDefault = KeyPairGenerator.getInstance("EC", "SunEC").generateKeyPair();
        assertThat(((ECPublicKey) byDefault.getPublic()).getParams().getOrder())
                .isEqualTo(((ECPublicKey) sunEcDefault.getPublic()).getParams().getOrder());
    }

    @ParameterizedTest
    @CsvSource({"secp256r1, SHA256withECDSA", "secp256r1, SHA384withECDSA", "secp384r1, SHA384withECDSA",
        "secp384r1, SHA256withECDSA", "secp256r1, SHA512withECDSA"})
    void ecdsaVerifiesWhatSunEcSignsAndRejectsWhatSunEcRejects(String curve, String algorithm)
            throws GeneralSecurityException {
        KeyPair pair = ecKeyPair(curve);
        byte[] message = "a TLS 1.3 CertificateVerify, more or less".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(verifier.getProvider().getName()).isEqualTo(FastPublicKeyCrypto.NAME);
        assertThat(signer.getProvider().getName()).isEqualTo("SunEC");

        byte[] otherMessage = message.clone();
        otherMessage[3] ^= 1;
        assertThat(outcome(Signature.getInstance(algorithm), pair.getPublic(), otherMessage, signature)).isEqualTo("false");

        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] mutated = mutate(signature, random);
            assertThat(outcome(Signature.getInstance(algorithm), pair.getPublic(), message, mutated))
                    .as("signature %s", HEX.formatHex(mutated))
                    .isEqualTo(outcome(Signature.getInstance(algorithm, "SunEC"), pair.getPublic(), message, mutated));
        }
    }

    @Test
    void otherCurvesFallThroughToSunEc() throws GeneralSecurityException {
        KeyPair pair = ecKeyPair("secp521r1");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(new byte[10]);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(new byte[10]);

        assertThat(verifier.verify(signature)).isTrue();
        assertThat(verifier.getProvider().getName()).isEqualTo("SunEC");
    }

    /** "true", "false" or the exception's class: what a caller of verify() can tell apart. */
    private static String outcome(Signature verifier, PublicKey key, byte[] message, byte[] signature) {
        try {
            verifier.initVerify(key);
            verifier.update(message);
            return Boolean.toString(verifier.verify(signature));
        } catch (GeneralSecurityException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Flipped bits, truncation, trailing bytes, changed lengths and tags: the usual DER abuse. */
    private static byte[] mutate(byte[] signature, Random random) {
        byte[] out;
        switch (random.nextInt(5)) {
            case 0 -> {
                out = signature.clone();
                out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            }
            case 1 -> out = java.util.Arrays.copyOf(signature, random.nextInt(signature.length));
            case 2 -> {
                out = java.util.Arrays.copyOf(signature, signature.length + 1 + random.nextInt(3));
            }
            case 3 -> {
                out = signature.clone();
                int at = random.nextInt(Math.min(6, out.length));
                out[at] = (byte) random.nextInt(256);
            }
            default -> {
                out = signature.clone();
                out[1] = (byte) (out[1] + (random.nextBoolean() ? 1 : -1));
            }
        }
        return out;
    }

    private static byte[] agree(KeyAgreement agreement, PrivateKey mine, PublicKey theirs) throws GeneralSecurityException {
        agreement.init(mine);
        agreement.doPhase(theirs, true);
        return agreement.generateSecret();
    }

    private static KeyPair ecKeyPairFrom(String provider, String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static KeyPair ecKeyPair(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static PrivateKey x25519Private(String hex) throws GeneralSecurityException {
        return KeyFactory.getInstance("XDH").generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519,
                HEX.parseHex(hex)));
    }

    private static PublicKey x25519Public(String littleEndianHex) throws GeneralSecurityException {
        byte[] bytes = HEX.parseHex(littleEndianHex);
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return KeyFactory.getInstance("XDH").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
                new BigInteger(1, bigEndian)));
    }
}
