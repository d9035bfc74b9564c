package io.riskdesk.account;

public enum Segment {
	STRATEGIC, ENTERPRISE, MID_MARKET, SMB
}
