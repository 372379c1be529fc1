package io.tlscheck.engine.revocation;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Where a certificate says its revocation status is published: OCSP responders from the
 * authorityInfoAccess extension (RFC 5280 §4.2.2.1) and CRL distribution points (§4.2.1.13).
 * Only http and https URLs are kept (LDAP and the like are skipped); a malformed extension
 * counts as none.
 */
final class RevocationPointers {
    private RevocationPointers() {
    }

    static List<URI> ocspResponders(X509Certificate cert) {
        List<URI> urls = new ArrayList<>();
        try {
            ASN1Primitive value = extension(cert, Extension.authorityInfoAccess);
            if (value != null) {
                for (AccessDescription description : AuthorityInformationAccess.getInstance(value)
                        .getAccessDescriptions()) {
                    if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                        addUrl(description.getAccessLocation(), urls);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Malformed: as if absent.
        }
        return urls;
    }

    static List<URI> crlDistributionPoints(X509Certificate cert) {
        List<URI> urls = new ArrayList<>();
        try {
            ASN1Primitive value = extension(cert, Extension.cRLDistributionPoints);
            if (value != null) {
                for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                    DistributionPointName name = point.getDistributionPoint();
                    if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                        for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                            addUrl(general, urls);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Malformed: as if absent.
        }
        return urls;
    }

    private static ASN1Primitive extension(X509Certificate cert, ASN1ObjectIdentifier oid) throws IOException {
        byte[] value = cert.getExtensionValue(oid.getId());
        return value == null ? null : JcaX509ExtensionUtils.parseExtensionValue(value);
    }

    private static void addUrl(GeneralName name, List<URI> urls) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return;
        }
        try {
            URI uri = new URI(ASN1IA5String.getInstance(name.getName()).getString().trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                urls.add(uri);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // Not a usable URL.
        }
    }
}
