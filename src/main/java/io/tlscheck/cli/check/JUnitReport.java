package io.tlscheck.cli.check;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.tlscheck.engine.Finding;
import io.tlscheck.engine.Verdict;

/**
 * JUnit XML for CI systems (GitLab, Jenkins, GitHub test reporters): one test case per
 * manifest. Failing, Unknown and Invalid are failures; Skipped is skipped; a Warning passes
 * with its findings in system-out, so it is visible without breaking the build.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static String render(List<CheckOutcome> outcomes, double seconds) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            long failures = outcomes.stream().filter(JUnitReport::failed).count();
            long skipped = outcomes.stream().filter(o -> o.kind() == CheckOutcome.Kind.SKIPPED).count();
            xml.writeStartElement("testsuites");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "tlscheck");
            xml.writeAttribute("tests", String.valueOf(outcomes.size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(skipped));
            xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
            xml.writeCharacters("\n");
            for (CheckOutcome o : outcomes) {
                testCase(xml, o);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString();
    }

    private static void testCase(XMLStreamWriter xml, CheckOutcome o) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", o.entry().file().toString());
        String namespace = o.namespace().isEmpty() ? "" : o.namespace() + "/";
        xml.writeAttribute("name", namespace + o.name() + (o.target().isEmpty() ? "" : " (" + o.target() + ")"));
        xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", o.elapsed().toNanos() / 1e9));
        if (o.kind() == CheckOutcome.Kind.SKIPPED) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", o.message());
        } else if (failed(o)) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", o.verdictName());
            xml.writeAttribute("message", o.reason() + ": " + o.message());
            xml.writeCharacters(details(o));
            xml.writeEndElement();
        } else if (o.report() != null && !o.report().findings().isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(details(o));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static boolean failed(CheckOutcome o) {
        Verdict v = o.effectiveVerdict();
        return v == Verdict.FAILING || v == Verdict.UNKNOWN;
    }

    private static String details(CheckOutcome o) {
        if (o.report() == null) {
            return o.message();
        }
        StringBuilder text = new StringBuilder();
        for (Finding f : o.report().findings()) {
            text.append(f.severity()).append(' ').append(f.id()).append(": ").append(f.message()).append('\n');
        }
        return text.toString();
    }
}
