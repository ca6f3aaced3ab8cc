"""The report's rows as a type checker sees them; do not edit.

Generated from `fxreport/core/layout.py` by `python -m fxreport.specs` (a test fails
when it is stale).  At run time `model.report_model` makes these classes from the
layout value; `model` imports this stub only under `TYPE_CHECKING`."""

import datetime as _dt

from pydantic import BaseModel

from .model import ReportBase


class Row1(BaseModel):
    """Row 1: 即期部位 / spot position."""

    bal: int  # BAL, columns 14-23: spot settled: prior-day position
    ab: int  # AB, columns 24-33: spot settled, with customers: bought
    as_: int  # AS, columns 34-43: spot settled, with customers: sold
    acust: int  # ACUST, columns 44-53: spot settled, with customers: net
    abt: int  # ABT, columns 54-63: spot settled: interbank spot net
    abal: int  # ABAL, columns 74-83: today's spot settled position
    bal_unb: int  # BAL_UNB, columns 84-93: spot unsettled, prior-day balance: bought
    bal_uns: int  # BAL_UNS, columns 94-103: spot unsettled, prior-day balance: sold
    a_unc1: int  # A_UNC1, columns 104-113: spot unsettled, contracted today: bought
    a_unc2: int  # A_UNC2, columns 114-123: spot unsettled, contracted today: sold
    a_uns1: int  # A_UNS1, columns 124-133: spot unsettled, settled today: bought
    a_uns2: int  # A_UNS2, columns 134-143: spot unsettled, settled today: sold
    abal_unb: int  # ABAL_UNB, columns 144-153: spot unsettled, today's balance: bought
    abal_uns: int  # ABAL_UNS, columns 154-163: spot unsettled, today's balance: sold
    aunst: int  # AUNST, columns 164-173: today's spot unsettled position
    spot: int  # SPOT, columns 174-183: today's net spot position
    adj_1: int  # Adj-1, columns 184-193: adjustment 1 (own funds affecting the spot position)
    adj_2: int  # Adj-2, columns 194-203: adjustment 2 (exchange differences and other)


class Row2(BaseModel):
    """Row 2: SWAP、CCS遠期部位 與顧客交易 / SWAP and CCS forward position with customers."""

    bal_fb1: int  # BAL_FB1, columns 14-23: SWAP/CCS forward with customers, prior-day balance: bought
    bal_fb3: int  # BAL_FB3, columns 34-43: SWAP/CCS forward with customers, prior-day balance: sold
    a_fc1: int  # A_FC1, columns 54-63: SWAP/CCS forward with customers, contracted today: bought
    a_fc3: int  # A_FC3, columns 74-83: SWAP/CCS forward with customers, contracted today: sold
    a_fs1: int  # A_FS1, columns 94-103: SWAP/CCS forward with customers, settled today: bought
    a_fs3: int  # A_FS3, columns 114-123: SWAP/CCS forward with customers, settled today: sold
    abal_fb1: int  # ABAL_FB1, columns 134-143: SWAP/CCS forward with customers, today's balance: bought
    abal_fb3: int  # ABAL_FB3, columns 154-163: SWAP/CCS forward with customers, today's balance: sold
    forward: int  # FORWARD, columns 174-183: today's SWAP/CCS forward position


class Row3(BaseModel):
    """Row 3: 選擇權Delta、外匯部位淨額、銀行間換匯交易 / option delta, net FX position, interbank swaps."""

    a_option: int  # A_OPTION, columns 104-113: today's NTD FX option delta position
    pos: int  # POS, columns 124-133: today's net FX position
    bal_sw1: int  # BAL_SW1, columns 134-143: interbank swaps, prior-day balance: sell spot / buy forward
    bal_sw2: int  # BAL_SW2, columns 144-153: interbank swaps, prior-day balance: buy spot / sell forward
    a_swc1: int  # A_SWC1, columns 154-163: interbank swaps, contracted today: sell spot / buy forward
    a_swc2: int  # A_SWC2, columns 164-173: interbank swaps, contracted today: buy spot / sell forward
    a_sws1: int  # A_SWS1, columns 174-183: interbank swaps, settled today: sell spot / buy forward
    a_sws2: int  # A_SWS2, columns 184-193: interbank swaps, settled today: buy spot / sell forward
    abal_sw1: int  # ABAL_SW1, columns 194-203: interbank swaps, today's balance: sell spot / buy forward
    abal_sw2: int  # ABAL_SW2, columns 204-213: interbank swaps, today's balance: buy spot / sell forward


class Report(ReportBase):
    """A day's report of one firm (fx_position)."""

    bank: str
    date: _dt.date
    row1: Row1
    row2: Row2
    row3: Row3
