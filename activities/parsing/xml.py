"""Every XML file passes defusedxml first: no DTD at all, so no entities, no external ones."""

from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import ParseError, fromstring  # type: ignore[import-untyped]

from activities.parsing.track import FileRefused


def safe_tree(data: bytes, kind: str) -> Element:
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise FileRefused(
            f"This {kind} file declares its own XML entities or document type, which activity "
            "files never need; it was refused for safety."
        ) from exc
    except ParseError as exc:
        raise FileRefused(
            f"This {kind} file is not well-formed XML (it may be cut short): {exc}."
        ) from exc
