package io.tlscheck.testing;

import java.math.BigInteger;
import java.util.Date;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;

/**
 * Serves the CRL of one test CA on 127.0.0.1, signed afresh for every request (thisUpdate a
 * minute ago, nextUpdate tomorrow; see {@link #stale()}). Put {@link #url()} into certificates
 * with {@code TestCertificates...crlDistributionPoint(crl.url())}.
 */
public final class TestCrlServer extends RevocationServer {
    private TestCrlServer(Issued issuer) {
        super(issuer, "/ca.crl");
    }

    public static TestCrlServer start(Issued issuer) {
        return new TestCrlServer(issuer);
    }

    /** The DER CRL as it would be served now. */
    public byte[] crl() {
        try {
            JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer.certificate().getSubjectX500Principal(),
                    Date.from(thisUpdate()));
            builder.setNextUpdate(Date.from(nextUpdate()));
            for (Map.Entry<BigInteger, Revocation> entry : revocations().entrySet()) {
                builder.addCRLEntry(entry.getKey(), Date.from(entry.getValue().at()), entry.getValue().reason());
            }
            return builder.build(contentSigner()).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a CRL", e);
        }
    }

    @Override
    protected byte[] answer(HttpExchange exchange, byte[] requestBody) {
        return crl();
    }

    @Override
    protected String contentType() {
        return "application/pkix-crl";
    }
}
