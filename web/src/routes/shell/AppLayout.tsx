import { AppShell, Box, Burger, Button, Group, ScrollArea, Text, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ja } from '../../i18n/ja';
import { api, setCsrfToken } from '../../lib/api';
import { useMe } from '../../lib/me';
import { MainNav } from './MainNav';

/** The signed-in frame: header (brand, who, where, ログアウト), menu, page. */
export function AppLayout() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const theme = useMantineTheme();
  const isWide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true);
  // On a phone the closed menu only slides off-screen; `inert` keeps it out of Tab order and AT.
  const menuHidden = !isWide && !opened;
  const [loggingOut, setLoggingOut] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function logout() {
    setLoggingOut(true);
    try {
      await api.post('/auth/logout');
    } catch {
      // Even if the server call fails, leave this screen; the session cookie is the server's to end.
    } finally {
      setCsrfToken(null);
      await navigate({ to: '/login', replace: true });
      queryClient.clear();
    }
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header data-print="hide">
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? ja.app.closeMenu : ja.app.openMenu}
              aria-expanded={opened}
            />
            <Text fw={700} size="lg" component="p">
              {ja.app.brand}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Box style={{ minWidth: 0 }} aria-label={ja.shell.userMenu} role="group">
              <Text size="sm" fw={500} truncate="end">
                {me.user.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {me.municipality.name}
              </Text>
            </Box>
            <Button variant="default" size="xs" onClick={logout} loading={loggingOut} style={{ flexShrink: 0 }}>
              {ja.shell.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={ja.nav.label} inert={menuHidden} data-print="hide">
        <AppShell.Section grow component={ScrollArea}>
          <MainNav onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Box maw={1200} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
