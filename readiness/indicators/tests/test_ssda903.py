"""Reading SSDA903 returns: CSV and XML, years, codes by year, and the quality report."""

from __future__ import annotations

from datetime import date

from readiness.indicators.domain.ssda903 import read_ssda903
from readiness.indicators.domain.ssda903_checks import parse_date
from readiness.indicators.tests import factories_903 as f
from readiness.lib.testing.shared import needs_shared_data, shared_data

DATA = shared_data()
needs_data = needs_shared_data()
TODAY = date(2026, 6, 1)


def reasons(ret) -> dict[str, int]:
    return ret.quality.counts_by_reason()


def test_dates_in_both_formats_and_formulas_are_issues():
    assert parse_date("05/07/2019") == (date(2019, 7, 5), None)
    assert parse_date("2019-07-05") == (date(2019, 7, 5), None)
    assert parse_date("2019-07-05 00:00:00") == (date(2019, 7, 5), None)
    assert parse_date("") == (None, None)
    assert parse_date("=DATE(2019,7,5)") == (None, "formula in date cell")
    assert parse_date("31/02/2019") == (None, "unparseable date")
    assert parse_date("yesterday") == (None, "unparseable date")


def test_bom_and_lower_case_headers_are_read():
    files = f.files([f.child("1", "01/01/2010")], [f.episode("1", "01/01/2020")])
    files["header.csv"] = b"\xef\xbb\xbf" + files["header.csv"].decode().lower().encode()
    ret = read_ssda903(files, collection_year=2021, today=TODAY)
    assert list(ret.years) == [2021]
    assert ret.years[2021].children["1"].sex == "M"
    assert ret.years[2021].episodes["1"][0].decom == date(2020, 1, 1)
    assert reasons(ret) == {}


def test_sex_codes_are_read_per_collection_year():
    header = [f.child("1", "01/01/2010", "1"), f.child("2", "01/01/2010", "F")]
    episodes = [f.episode("1", "01/05/2024"), f.episode("2", "01/05/2024")]
    old = read_ssda903(f.files(header, episodes), collection_year=2024, today=TODAY)
    new = read_ssda903(f.files(header, episodes), collection_year=2025, today=TODAY)
    # 2023/24: 1 is valid, F belongs to the later regime; 2024/25: the other way round.
    assert old.years[2024].children["2"].sex == "F"
    assert [(i.child_id, i.reason, i.kept) for i in old.quality.issues if i.field == "SEX"] == [
        ("2", "code from another year", True)
    ]
    assert [(i.child_id, i.reason) for i in new.quality.issues if i.field == "SEX"] == [
        ("1", "code from another year")
    ]
    assert new.years[2025].children["1"].sex == "M"


def test_placement_codes_change_by_year():
    header = [f.child("1", "01/01/2010"), f.child("2", "01/01/2010")]
    episodes = [f.episode("1", "01/05/2024", place="H5"), f.episode("2", "01/05/2024", place="Z11")]
    for year, flagged in ((2025, {"2"}), (2026, {"1"})):
        ret = read_ssda903(f.files(header, episodes), collection_year=year, today=TODAY)
        bad = {i.child_id for i in ret.quality.issues if i.field == "PLACE"}
        assert bad == flagged, year
        assert ret.years[year].episode_count == 2  # a bad code is reported, the episode kept


def test_every_unusable_record_has_a_reason():
    header = [f.child(c, "01/01/2010") for c in "ABCDEFG"] + [f.child("A", "02/02/2011")]
    episodes = [
        f.episode("A", "01/05/2020", "01/06/2020"),
        f.episode("A", "01/05/2020", "01/06/2020"),  # duplicate
        f.episode("B", "01/05/2020", "01/09/2020"),
        f.episode("B", "01/08/2020", rne="P"),  # overlaps the one before
        f.episode("C", "01/05/2020", "01/04/2020"),  # ends before it starts
        f.episode("D", '"=DATE(2020,5,1)"'),  # formula in a date cell
        f.episode("E", "01/05/2027"),  # in the future
        f.episode("Z", "01/05/2020"),  # no header row
        f.episode("F", "32/05/2020"),  # not a date
        f.episode("G", "01/05/2020", place="XX"),  # unknown code: kept
    ]
    ret = read_ssda903(f.files(header, episodes), collection_year=2021, today=TODAY)
    assert reasons(ret) == {
        "duplicated child": 1,
        "duplicated episode": 1,
        "overlapping episodes": 1,
        "end before start": 1,
        "formula in date cell": 1,
        "date in the future": 1,
        "child not in header": 1,
        "unparseable date": 1,
        "unknown code for year": 1,
    }
    assert ret.quality.kept == 1 and ret.quality.excluded == 8
    year = ret.years[2021]
    assert sorted(year.episodes) == ["A", "B", "G"]
    assert year.episode_count == 3
    duplicate = next(i for i in ret.quality.issues if i.reason == "duplicated episode")
    assert (duplicate.table, duplicate.row_number, duplicate.child_id) == ("episodes", 2, "A")


def test_missing_tables_are_reported_and_the_rest_imported():
    files = f.files([f.child("1", "01/01/2010")], [f.episode("1", "01/01/2020")])
    del files["oc3.csv"], files["missing.csv"]
    ret = read_ssda903(files, collection_year=2021, today=TODAY)
    assert sorted(i.table for i in ret.quality.issues if i.reason == "missing table") == [
        "missing",
        "oc3",
    ]
    assert ret.years[2021].episode_count == 1


def test_a_file_that_is_not_a_return_is_reported():
    files = f.files([f.child("1", "01/01/2010")], [f.episode("1", "01/01/2020")])
    files["budget.csv"] = b"Cost centre,Amount\nA,1\n"
    ret = read_ssda903(files, collection_year=2021, today=TODAY)
    assert reasons(ret) == {"not an SSDA903 table": 1}


def test_ambiguous_file_years_are_read_from_the_dates():
    files = {
        "2020-header.csv": f.table(f.HEADER, [f.child("1", "01/01/2010")]),
        # 2020/21 episodes in a file named 2020: read as the year ending 31 March 2021.
        "2020-episodes.csv": f.table(f.EPISODES, [f.episode("1", "01/06/2020", "01/01/2021")]),
        "2021-header.csv": f.table(f.HEADER, [f.child("1", "01/01/2010")]),
        "2021-episodes.csv": f.table(f.EPISODES, [f.episode("1", "01/06/2021")]),
    }
    ret = read_ssda903(files, today=TODAY)
    assert sorted(ret.years) == [2021, 2022]


@needs_data
def test_five_year_folder_imports_every_year():
    ret = read_ssda903(DATA / "ssda903_synthetic_five_years", today=TODAY)
    assert sorted(ret.years) == [2018, 2019, 2020, 2021, 2022]
    assert ret.years[2018].episode_count > 1000
    assert ret.years[2018].other_rows["reviews"] > 1000
    counts = reasons(ret)
    assert counts["overlapping episodes"] == 33
    assert "missing table" not in counts


@needs_data
def test_fake_one_year_is_dirty_but_imports():
    ret = read_ssda903(DATA / "ssda903_fake_one_year", today=TODAY)
    year = ret.years[2018]
    assert len(year.children) == 2675
    assert year.episode_count > 4900
    counts = reasons(ret)
    assert counts["overlapping episodes"] == 64
    # Rule lists and expected-count files are not return tables; the XML is a second
    # return for the same year, reported rather than mixed in.
    assert counts["not an SSDA903 table"] == 5
    assert counts["collection year given twice"] == 1


@needs_data
def test_small_samples_report_duplicated_children():
    ret = read_ssda903(DATA / "ssda903_small_samples", today=TODAY)
    counts = reasons(ret)
    assert counts["duplicated child"] == 3
    assert ret.years[2020].children["249901"].dob == date(2013, 1, 7)


@needs_data
def test_the_dfe_xml_parses():
    xml = (DATA / "ssda903_fake_one_year" / "fake_903.xml").read_bytes()
    ret = read_ssda903({"fake_903.xml": xml}, today=TODAY)
    year = ret.years[2018]
    assert len(year.children) == 253
    assert year.episode_count == 452
    assert len(year.oc2) == 253 and len(year.oc3) == 6 and len(year.missing) == 6
    assert year.other_rows["reviews"] == 1206
    assert year.episodes["907440"][0].place == "R5"  # <PL> is the placement type
