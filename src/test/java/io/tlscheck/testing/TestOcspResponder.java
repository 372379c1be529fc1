package io.tlscheck.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;

import com.sun.net.httpserver.HttpExchange;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP responder (RFC 6960) for one test CA on 127.0.0.1: answers GET ({@code url()/base64})
 * and POST, "good" unless told a serial is revoked, "unknown" for certificates of other CAs.
 * Also makes the same signed response for stapling, without any network:
 * <pre>{@code
 * try (TestOcspResponder ocsp = TestOcspResponder.start(ca)) {
 *     Issued leaf = TestCertificates.leaf("valid.test").issuedBy(ca).ocspResponder(ocsp.url()).build();
 *     ocsp.revoke(leaf.certificate(), CRLReason.keyCompromise);
 * }
 * }</pre>
 */
public final class TestOcspResponder extends RevocationServer {
    private final DigestCalculatorProvider digests;

    private TestOcspResponder(Issued issuer) throws Exception {
        super(issuer, "/ocsp");
        this.digests = new JcaDigestCalculatorProviderBuilder().build();
    }

    public static TestOcspResponder start(Issued issuer) {
        try {
            return new TestOcspResponder(issuer);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test OCSP responder", e);
        }
    }

    /** The DER response this responder would give about {@code certificate}, as a server staples it. */
    public byte[] responseFor(X509Certificate certificate) {
        try {
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer.certificate()), certificate.getSerialNumber());
            return respond(new CertificateID[] {id});
        } catch (Exception e) {
            throw new IllegalStateException("cannot make an OCSP response", e);
        }
    }

    @Override
    protected byte[] answer(HttpExchange exchange, byte[] requestBody) throws Exception {
        byte[] der = requestBody;
        if (exchange.getRequestMethod().equals("GET")) {
            String encoded = exchange.getRequestURI().getRawPath().substring("/ocsp/".length());
            der = Base64.getDecoder().decode(URLDecoder.decode(encoded, StandardCharsets.US_ASCII));
        }
        Req[] asked = new OCSPReq(der).getRequestList();
        CertificateID[] ids = new CertificateID[asked.length];
        for (int i = 0; i < asked.length; i++) {
            ids[i] = asked[i].getCertID();
        }
        return respond(ids);
    }

    @Override
    protected String contentType() {
        return "application/ocsp-response";
    }

    @Override
    protected byte[] tryLater() throws Exception {
        return new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded();
    }

    private byte[] respond(CertificateID[] ids) throws Exception {
        X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer.certificate());
        X509CertificateHolder signerHolder = new JcaX509CertificateHolder(signer().certificate());
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(X500Name.getInstance(
                signerHolder.getSubject())));
        for (CertificateID id : ids) {
            builder.addResponse(id, status(id, issuerHolder), Date.from(thisUpdate()), Date.from(nextUpdate()),
                    null);
        }
        X509CertificateHolder[] chain = signer() == issuer ? null : new X509CertificateHolder[] {signerHolder};
        BasicOCSPResp basic = builder.build(contentSigner(), chain, new Date());
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    private CertificateStatus status(CertificateID id, X509CertificateHolder issuerHolder) throws Exception {
        if (!id.matchesIssuer(issuerHolder, digests)) {
            return new UnknownStatus();
        }
        Revocation revoked = revocation(id.getSerialNumber());
        return revoked == null ? CertificateStatus.GOOD : new RevokedStatus(Date.from(revoked.at()), revoked.reason());
    }
}
