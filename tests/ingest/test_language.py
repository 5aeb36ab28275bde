"""Each document's language, from py3langid's bundled model."""

from frontlines.ingest import read_bytes
from frontlines.ingest.language import DEFAULT, document_language


def test_german_page_is_german() -> None:
    text = ("Der Gemeinderat hat am Dienstag beschlossen, die neue Schule im Ortskern zu bauen."
            " Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.")  # fmt: skip
    assert document_language("", text) == "de"


def test_english_and_short_texts_are_english() -> None:
    assert document_language("", "Troops entered the town on Monday after heavy fighting.") == "en"
    assert document_language("", "Ok.") == DEFAULT


def test_language_is_on_the_document() -> None:
    [doc] = read_bytes("Le conseil municipal a voté le budget de la ville pour l'année "
                       "prochaine après un long débat sur les écoles.".encode(), source="t")  # fmt: skip
    assert doc.language == "fr"
