import { Button, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';

type ButtonElementProps = ButtonProps & Omit<ComponentPropsWithoutRef<'a'>, keyof ButtonProps>;

const ButtonElement = forwardRef<HTMLAnchorElement, ButtonElementProps>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
ButtonElement.displayName = 'ButtonElement';

/** A Mantine Button that is a router link, with typed `to`, `params` and `search`. */
export const ButtonLink = createLink(ButtonElement);
