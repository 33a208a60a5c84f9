#!/usr/bin/env python3
"""A TCP proxy that holds every chunk for a while in each direction: a database one network hop away, on loopback.

    python3 bench/delay-proxy.py 15432 5432 0.0005 &   # PostgreSQL on 5432, seen on 15432 with 0.5 ms each way

Used to measure where controllers should run on PostgreSQL (web/ThreadSelectionByDatabase): this machine has no tc
netem, and on plain loopback a query's wait is too short to show. Not part of bench/run.
"""
import asyncio
import sys

LISTEN, TARGET, DELAY = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            await asyncio.sleep(DELAY)
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def connect(client_reader, client_writer):
    server_reader, server_writer = await asyncio.open_connection("127.0.0.1", TARGET)
    await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))


async def main():
    server = await asyncio.start_server(connect, "127.0.0.1", LISTEN)
    async with server:
        await server.serve_forever()


asyncio.run(main())
