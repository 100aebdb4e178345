package navemu.tcp.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The arithmetic of the server's share of a wait, on made-up clock readings (milliseconds as nanos). */
class ServerClockTest {

    @Test
    void aReadWaitingForAnAnswerWaitsForTheServerFromHandOverToArrival() {
        ServerClock clock = new ServerClock();
        clock.handedToServer(50);                 // our ClientHello reaches the server after half an RTT
        long workStart = clock.answerArrived(80); // the server answered 30 later
        assertEquals(50, workStart);
        clock.waitedFor(0, 130, workStart, 80);   // we read from 0 to 130: 100 of link, 30 of server

        assertEquals(30, clock.nanos());
    }

    @Test
    void theServerWorkingWhileTheClientComputesCostsTheClientNothing() {
        ServerClock clock = new ServerClock();
        clock.handedToServer(50);
        long first = clock.answerArrived(52);     // ServerHello at once
        clock.waitedFor(0, 102, first, 52);       // 2 of server in our first wait
        long second = clock.answerArrived(90);    // the rest after 38 of signing…
        assertEquals(52, second);
        clock.waitedFor(200, 200, second, 90);    // …while we computed until 200: the piece was already in

        assertEquals(2, clock.nanos());
    }

    @Test
    void onlyThePartOfTheServersWorkInsideTheWaitCounts() {
        ServerClock clock = new ServerClock();
        clock.handedToServer(50);
        long workStart = clock.answerArrived(150);
        clock.waitedFor(120, 200, workStart, 150); // we started waiting at 120, when the server had worked 70

        assertEquals(30, clock.nanos());
    }
}
