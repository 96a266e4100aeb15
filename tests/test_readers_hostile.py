"""Damaged and oversized office files end in a message and exit 2, never a traceback."""

import io
import zipfile

import pytest


def _docx(paragraphs: int, text: str = "x") -> bytes:
    """A minimal .docx; its document part holds ``paragraphs`` paragraphs."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for _ in range(paragraphs))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
        '.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="appli'
        'cation/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.open'
        'xmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats'
        '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
        'formats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml'
        '"/></Relationships>',
        "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxml'
        f'formats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_word_file_that_unpacks_past_the_limit_is_refused(run, tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_docx(200_000))
    assert path.stat().st_size < 200_000
    result = run("extract", str(path), env={"KCN_TRACKER_MAX_BYTES": "1000000"})
    assert result.exit_code == 2
    assert "its text unpacks to" in result.output and "over the limit of 1,000,000" in result.output


@pytest.mark.parametrize("position", [200, 400, 600])
def test_a_damaged_word_file_is_a_message_not_a_traceback(run, tmp_path, position):
    data = bytearray(_docx(50, "Năm 2024, các KCN thu hút 21 dự án"))
    data[position:position + 10] = b"\x00" * 10
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    result = run("extract", str(path))
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert "damaged.docx" in result.output


def test_a_damaged_pdf_is_a_message_not_a_traceback(run, tmp_path):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                     b"trailer\x8c << /Root 1 0 R >>\n%%EOF\n")
    result = run("extract", str(path))
    assert result.exit_code == 2
    assert "damaged.pdf" in result.output


def _pdf_bomb(unpacked: int) -> bytes:
    """A one-page PDF whose content stream is small but unpacks to ``unpacked`` bytes."""
    import zlib

    packer, chunk = zlib.compressobj(9), b" " * 2**20
    stream = b"".join(packer.compress(chunk) for _ in range(unpacked // len(chunk)))
    stream += packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
               + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_that_unpacks_past_the_memory_budget_is_refused(run, tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf_bomb(256 * 2**20))
    assert path.stat().st_size < 1_000_000
    # the budget is 64 times the read limit: 128 MB here, half of what it unpacks to
    result = run("extract", str(path), env={"KCN_TRACKER_MAX_BYTES": "2000000"})
    assert result.exit_code == 2
    assert f"{path}: unpacks to more than 122 MB or takes over 120 s to read" in \
        " ".join(result.output.split())


def test_a_pdf_within_the_budget_is_read_as_before(run, tmp_path):
    """The same kind of file, unpacking to less than the budget: no text, said so."""
    path = tmp_path / "blank.pdf"
    path.write_bytes(_pdf_bomb(2 * 2**20))
    result = run("extract", str(path), env={"KCN_TRACKER_MAX_BYTES": "2000000"})
    assert result.exit_code == 2
    assert "no text in this PDF: it needs OCR first" in result.output
