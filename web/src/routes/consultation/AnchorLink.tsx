import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';

type AnchorElementProps = AnchorProps & Omit<ComponentPropsWithoutRef<'a'>, keyof AnchorProps>;

const AnchorElement = forwardRef<HTMLAnchorElement, AnchorElementProps>((props, ref) => (
  <Anchor component="a" ref={ref} {...props} />
));
AnchorElement.displayName = 'AnchorElement';

/** A Mantine Anchor that is a router link, with typed `to` and `params`. */
export const AnchorLink = createLink(AnchorElement);
