"""The reporting matrix as CSV and XLSX files: the same rows and columns the page shows."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from organizations.models import Organization

from .matrix import State

FILLS = {
    State.ON_TIME: "C6EFCE",
    State.LATE: "FFEB9C",
    State.UNREPORTED: "F8CBAD",
    State.MISSING: "FFC7CE",
    State.PENDING: "DDEBF7",
}


def _day(value):
    return value.strftime("%d/%m/%Y") if value else None


def table(matrix):
    """The header and the rows, as text (None where a cell is empty). Labels are looked up once, not per cell:
    a lazy translation costs more than the rest of a cell."""
    header = ["Đơn vị", "Loại tổ chức"]
    for column in matrix.columns:
        header += [column.label, "Hạn đưa tin", "Ngày họp", "Ngày đưa tin"]
    kinds = {kind: str(label) for kind, label in Organization.Kind.choices}
    states = {state: str(state.label) for state in State}
    not_required = ["Không phải tổ chức", None, None, None]
    rows = []
    for row in matrix.rows:
        values = [row.unit.name, kinds.get(row.unit.kind, row.unit.kind)]
        for cell in row.cells:
            if cell is None:
                values += not_required
            else:
                held = cell.meeting["held_on"] if cell.meeting else None
                values += [states[cell.state], _day(cell.due), _day(held), _day(cell.reported_on)]
        rows.append(values)
    return [str(value) for value in header], rows


def filename(matrix, extension):
    return f"bao-cao-{matrix.unit.slug}-{matrix.period.slug}.{extension}"


def as_csv(matrix):
    header, rows = table(matrix)
    out = io.StringIO()
    out.write("\ufeff")  # why: Excel opens UTF-8 CSV as Windows-1258 without the byte order mark
    writer = csv.writer(out)
    writer.writerow([f"{matrix.unit.name} – {matrix.period.label}"])
    writer.writerow(header)
    writer.writerows(rows)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename(matrix, "csv")}"'
    return response


def as_xlsx(matrix):
    header, rows = table(matrix)
    book = Workbook(write_only=True)  # why: streams rows; thousands of units in a fraction of the time
    sheet = book.create_sheet(matrix.period.label.replace("/", "-")[:31])  # a tab name may not hold "/"
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 24
    sheet.freeze_panes = "B3"
    title = WriteOnlyCell(sheet, f"{matrix.unit.name} – {matrix.period.label}")
    title.font = Font(bold=True, size=13)
    sheet.append([title])
    bold = Font(bold=True)
    sheet.append([_styled(sheet, value, font=bold) for value in header])
    # one styled cell per state, written wherever the state is: write-only rows are written as they are appended
    states = {str(state.label): PatternFill("solid", fgColor=color) for state, color in FILLS.items()}
    states = {label: _styled(sheet, label, fill=fill) for label, fill in states.items()}
    for values in rows:
        sheet.append([states.get(value, value) for value in values])
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename(matrix, "xlsx")}"'
    return response


def _styled(sheet, value, *, font=None, fill=None):
    cell = WriteOnlyCell(sheet, value)
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    return cell
